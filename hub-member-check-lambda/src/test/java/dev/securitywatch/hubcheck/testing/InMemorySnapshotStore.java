package dev.securitywatch.hubcheck.testing;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.SnapshotStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** The snapshot bucket in memory, with switchable failures. */
public final class InMemorySnapshotStore implements SnapshotStore {
    private final TreeMap<String, String> objects = new TreeMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private boolean listingFails;
    private boolean writesFail;

    public InMemorySnapshotStore put(String key, String json) {
        objects.put(key, json);
        return this;
    }

    public InMemorySnapshotStore unreadable(String key) {
        unreadable.add(key);
        return this;
    }

    public InMemorySnapshotStore listingFails() {
        listingFails = true;
        return this;
    }

    public InMemorySnapshotStore writesFail() {
        writesFail = true;
        return this;
    }

    public TreeMap<String, String> objects() {
        return objects;
    }

    @Override
    public List<String> keys(String prefix) {
        if (listingFails) {
            throw new DependencyFailure("S3 ListObjectsV2 failed: AccessDenied (HTTP 403): Access Denied", null);
        }
        return objects.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    @Override
    public String read(String key) {
        if (unreadable.contains(key)) {
            throw new DependencyFailure("S3 GetObject failed: AccessDenied (HTTP 403): Access Denied", null);
        }
        return objects.get(key);
    }

    @Override
    public void write(String key, String json) {
        if (writesFail) {
            throw new DependencyFailure("S3 PutObject failed: AccessDenied (HTTP 403): Access Denied", null);
        }
        objects.put(key, json);
    }

    @Override
    public String location(String key) {
        return "s3://snapshots-bucket/" + key;
    }
}
