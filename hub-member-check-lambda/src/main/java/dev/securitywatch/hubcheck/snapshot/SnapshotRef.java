package dev.securitywatch.hubcheck.snapshot;

import java.time.Instant;

/**
 * A stored snapshot found by listing.
 *
 * @param takenAt when it was taken; a legacy file is dated to the start of its day (UTC)
 * @param legacy  whether it is one of the original stack's {@code memberLog/YYYYMMDD.json} files
 */
public record SnapshotRef(String key, Instant takenAt, boolean legacy) {
}
