package dev.securitywatch.notifier.service;

import dev.securitywatch.notifier.health.HeartbeatTracker;
import dev.securitywatch.notifier.health.SilenceAlert;
import java.util.Objects;

/** What the notifier needs to keep and check the member paths' heartbeats. */
public record HeartbeatWatch(HeartbeatStore store, HeartbeatTracker tracker, SilenceAlert alerts) {
    public HeartbeatWatch {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(alerts, "alerts");
    }
}
