package dev.securitywatch.notifier.service;

import java.util.Objects;

/**
 * One heartbeat check: what it posted, and the state it saw, for the health dashboard.
 *
 * @param paths                  paths that ever sent a heartbeat
 * @param silent                 of those, silent now (reported or not)
 * @param oldestHeartbeatMinutes age of the oldest last heartbeat; 0 with no paths
 */
public record HeartbeatCheck(BatchResult result, int paths, int silent, long oldestHeartbeatMinutes) {
    public HeartbeatCheck {
        Objects.requireNonNull(result, "result");
    }
}
