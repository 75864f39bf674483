package dev.securitywatch.notifier.service;

import dev.securitywatch.notifier.health.Coverage;
import dev.securitywatch.notifier.health.CoverageAlert;
import dev.securitywatch.notifier.health.HeartbeatTracker;
import dev.securitywatch.notifier.health.SilenceAlert;
import java.util.Objects;

/**
 * What the notifier needs to keep and check the member paths' heartbeats, and to report daily on the configured
 * paths ({@code configured}; {@link Coverage.Configured#NONE} where nothing is configured, as in the CLI) joined with
 * the organization ({@code reports}, which also keeps the daily report).
 */
public record HeartbeatWatch(HeartbeatStore store, HeartbeatTracker tracker, SilenceAlert alerts,
                             Coverage.Configured configured, CoverageAlert coverageAlerts, CoverageReports reports) {
    public HeartbeatWatch {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(coverageAlerts, "coverageAlerts");
        Objects.requireNonNull(reports, "reports");
    }
}
