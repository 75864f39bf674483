package dev.securitywatch.notifier.health;

import java.time.Instant;
import java.util.Objects;

/**
 * What the heartbeat store knows of one path.
 *
 * @param reportedSilent the last report about this path said it was silent
 */
public record PathState(Heartbeat.Path path, Instant lastHeartbeat, boolean reportedSilent) {
    public PathState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    }
}
