package dev.securitywatch.infra.central;

import dev.securitywatch.infra.common.DeadLetterQueue;
import dev.securitywatch.infra.lambda.LambdaEnvironment;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The {@code SecurityWatch-Health} dashboard: events forwarded, alerts delivered, throttled and failed, every
 * dead-letter queue's depth, how long alerts wait, and the canaries' worst heartbeat age and silent paths.
 */
public final class HealthDashboard extends Construct {
    static final String NAME = "SecurityWatch-Health";
    private static final Duration PERIOD = Duration.minutes(5);

    public HealthDashboard(Construct scope, String id, Rule forwarded, Queue alertsQueue) {
        super(scope, id);
        List<DeadLetterQueue> deadLetters = Stack.of(this).getNode().findAll().stream()
                .filter(DeadLetterQueue.class::isInstance).map(DeadLetterQueue.class::cast).toList();
        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(NAME)
                .widgets(List.of(
                        List.of(graph("Events forwarded to alerts and audit", List.of(
                                        events("TriggeredRules", forwarded), events("FailedInvocations", forwarded))),
                                graph("Alerts", List.of(notifier("Delivered"), notifier("Throttled"),
                                        notifier("Failed"), notifier("Requeued")))),
                        List.of(graph("Dead-letter queues (messages)", deadLetters.stream()
                                        .map(dlq -> (IMetric) dlq.queue().metricApproximateNumberOfMessagesVisible(
                                                MetricOptions.builder().period(PERIOD).statistic("Maximum")
                                                        .label(dlq.getNode().getPath()).build()))
                                        .toList()),
                                graph("Oldest alert waiting (seconds)", List.of(
                                        alertsQueue.metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                                                .period(PERIOD).statistic("Maximum").build())))),
                        List.of(graph("Canaries: oldest last heartbeat (minutes)", List.of(
                                        heartbeat("OldestHeartbeatMinutes"))),
                                graph("Canaries: paths", List.of(heartbeat("HeartbeatPaths"),
                                        heartbeat("SilentPaths"))))))
                .build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).height(6).build();
    }

    private static IMetric events(String name, Rule rule) {
        return Metric.Builder.create().namespace("AWS/Events").metricName(name)
                .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                .statistic("Sum").period(PERIOD).build();
    }

    private static IMetric notifier(String name) {
        return Metric.Builder.create().namespace(LambdaEnvironment.METRICS_NAMESPACE).metricName(name)
                .dimensionsMap(Map.of("Service", Notifier.SERVICE_NAME))
                .statistic("Sum").period(PERIOD).build();
    }

    private static IMetric heartbeat(String name) {
        return Metric.Builder.create().namespace(LambdaEnvironment.METRICS_NAMESPACE).metricName(name)
                .dimensionsMap(Map.of("Service", Notifier.SERVICE_NAME))
                .statistic("Maximum").period(Duration.minutes(15)).build();
    }
}
