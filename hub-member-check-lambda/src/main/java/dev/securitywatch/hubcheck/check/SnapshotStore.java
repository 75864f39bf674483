package dev.securitywatch.hubcheck.check;

import java.util.List;

/** Port: the snapshot bucket. Every method throws {@link DependencyFailure} when the store fails. */
public interface SnapshotStore {
    /** Every key under the prefix, across all pages. */
    List<String> keys(String prefix);

    String read(String key);

    void write(String key, String json);

    /** Where a key lives, for people: e.g. {@code s3://bucket/key}. */
    String location(String key);
}
