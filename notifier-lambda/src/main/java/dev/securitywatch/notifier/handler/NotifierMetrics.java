package dev.securitywatch.notifier.handler;

import dev.securitywatch.lambdakit.telemetry.LambdaMetrics;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.HeartbeatCheck;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The counts of one invocation as one EMF line (lambda-kit's {@link LambdaMetrics}: namespace {@code SecurityWatch},
 * dimension {@code Service} = {@code security-watch-notifier}). The names are what the README and dashboards use.
 */
final class NotifierMetrics {
    private NotifierMetrics() {
    }

    static void publish(BatchResult result) {
        LambdaMetrics.publish(metrics -> {
            metrics.addMetric("Events", result.events(), MetricUnit.COUNT);
            metrics.addMetric("Posts", result.posts(), MetricUnit.COUNT);
            metrics.addMetric("Delivered", result.delivered(), MetricUnit.COUNT);
            metrics.addMetric("Requeued", result.requeued(), MetricUnit.COUNT);
            metrics.addMetric("Duplicate", result.duplicates(), MetricUnit.COUNT);
            metrics.addMetric("Throttled", result.throttled(), MetricUnit.COUNT);
            metrics.addMetric("Fallback", result.fallback(), MetricUnit.COUNT);
            metrics.addMetric("Failed", result.failures().size(), MetricUnit.COUNT);
            metrics.addMetric("Muted", result.muted(), MetricUnit.COUNT);
            metrics.addMetric("Suppressed", result.suppressed(), MetricUnit.COUNT);
            metrics.addMetric("PlainTextFallback", result.plainTextFallback(), MetricUnit.COUNT);
        });
    }

    /** The heartbeat check's view of the member paths: the health dashboard's canary widgets. */
    static void publish(HeartbeatCheck check) {
        LambdaMetrics.publish(metrics -> {
            metrics.addMetric("HeartbeatPaths", check.paths(), MetricUnit.COUNT);
            metrics.addMetric("SilentPaths", check.silent(), MetricUnit.COUNT);
            metrics.addMetric("OldestHeartbeatMinutes", check.oldestHeartbeatMinutes(), MetricUnit.NONE);
        });
    }
}
