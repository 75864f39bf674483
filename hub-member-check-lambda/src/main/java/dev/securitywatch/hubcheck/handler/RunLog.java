package dev.securitywatch.hubcheck.handler;

import static dev.securitywatch.lambdakit.telemetry.LogFields.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.hubcheck.check.CheckOutcome;
import dev.securitywatch.lambdakit.telemetry.LambdaMetrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What a run tells CloudWatch: structured log lines (Powertools layout, through SLF4J) and, for a run that
 * reported, one EMF line (namespace {@code SecurityWatch}, dimension {@code Service} =
 * {@code security-watch-hub-member-check}). {@code RunSucceeded} is 1 per reported run, so an alarm on its absence
 * catches a schedule that stopped as well as a run that failed.
 */
final class RunLog {
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    private final ObjectMapper mapper;

    RunLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void received(ScheduleInvocation invocation) {
        invocation.ignoredInput().ifPresent(reason ->
                LOG.warn("{}", "invocation input ignored, running as of now: " + reason));
    }

    /** Logs the run's counts and problems (WARN when something could not be read) and counts them; returns them. */
    ObjectNode reported(CheckOutcome outcome) {
        ObjectNode summary = RunSummary.of(mapper, outcome);
        List<Object> arguments = new ArrayList<>();
        arguments.add(summary.path("message").asText());
        summary.properties().stream().filter(entry -> !entry.getKey().equals("message"))
                .forEach(entry -> arguments.add(field(entry.getKey(), entry.getValue())));
        LOG.atLevel(outcome.report().problems().isEmpty() ? Level.INFO : Level.WARN).log("{}", arguments.toArray());
        LambdaMetrics.publish(metrics -> {
            metrics.addMetric("RunSucceeded", 1, MetricUnit.COUNT);
            metrics.addMetric("MembershipChanges", summary.path("transitions").asInt()
                    + summary.path("newMembers").asInt() + summary.path("disappeared").asInt(), MetricUnit.COUNT);
            metrics.addMetric("Resigned", summary.path("resigned").asInt(), MetricUnit.COUNT);
            metrics.addMetric("NotMembers", summary.path("notMembers").asInt(), MetricUnit.COUNT);
            metrics.addMetric("OutsideOrg", summary.path("outsideOrg").asInt(), MetricUnit.COUNT);
            metrics.addMetric("SuspendedButEnabled", summary.path("suspendedButEnabled").asInt(), MetricUnit.COUNT);
            metrics.addMetric("Problems", summary.path("problems").size(), MetricUnit.COUNT);
        });
        return summary;
    }
}
