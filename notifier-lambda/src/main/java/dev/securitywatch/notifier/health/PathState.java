package dev.securitywatch.notifier.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the heartbeat store knows of one path.
 *
 * @param lastHeartbeat          the newest heartbeat from any member of this path
 * @param lastStackSetHeartbeat  the newest one the organization's StackSet sent, if it ever sent one: while an
 *                               organization migrates, both kinds of member send, and only this one proves the StackSet
 * @param reportedSilent         the last report about this path said it was silent
 */
public record PathState(Heartbeat.Path path, Instant lastHeartbeat, Optional<Instant> lastStackSetHeartbeat,
                        boolean reportedSilent) {
    public PathState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(lastStackSetHeartbeat, "lastStackSetHeartbeat");
    }

    /** This state with {@code reportedSilent} set as given. */
    public PathState reported(boolean silent) {
        return new PathState(path, lastHeartbeat, lastStackSetHeartbeat, silent);
    }
}
