package dev.securitywatch.remediation.handler;

import dev.securitywatch.lambdakit.telemetry.LambdaMetrics;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What one invocation did, as one EMF line (namespace {@code SecurityWatch}, dimension {@code Service} =
 * {@code security-watch-remediation}): groups evaluated and found violating, rules revoked and authorized, and
 * groups whose fix failed. A failed fix does not fail the invocation, so {@code RemediationFailed} is the metric
 * to alarm on; a malformed invocation or an unreachable Config shows in the function's {@code Errors}.
 */
final class RemediationMetrics {
    private RemediationMetrics() {
    }

    static void publish(InvocationReport report) {
        LambdaMetrics.publish(metrics -> {
            metrics.addMetric("GroupsEvaluated", report.evaluations().size(), MetricUnit.COUNT);
            metrics.addMetric("GroupsViolating", report.results().size(), MetricUnit.COUNT);
            metrics.addMetric("RulesRevoked", report.results().stream()
                    .mapToInt(result -> result.revoked().size()).sum(), MetricUnit.COUNT);
            metrics.addMetric("RulesAuthorized", report.results().stream()
                    .mapToInt(result -> result.authorized().size()).sum(), MetricUnit.COUNT);
            metrics.addMetric("RemediationFailed", report.results().stream()
                    .filter(result -> result.error().isPresent()).count(), MetricUnit.COUNT);
        });
    }
}
