package dev.securitywatch.remediation.handler;

import static dev.securitywatch.lambdakit.telemetry.LogFields.field;

import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.ResultJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Structured log lines (Powertools layout, through SLF4J) for every invocation: a summary with the warnings, the
 * evaluations in lines of at most 100, and one line per result event in full, so nothing is lost even when
 * publishing failed. Chunking keeps a sweep of thousands of groups under CloudWatch's 256 KB per event.
 */
final class InvocationLog {
    private static final Logger LOG = LoggerFactory.getLogger(InvocationLog.class);
    private static final int EVALUATIONS_PER_LINE = 100;

    void handled(InvocationReport report) {
        write(report, report.warnings().isEmpty() ? Level.INFO : Level.WARN);
    }

    /** The invocation failed after remediating: the lines still carry every evaluation and result. */
    void failed(InvocationReport report, String reason) {
        write(report.withWarnings(List.of(reason)), Level.ERROR);
    }

    void rejected(String reason) {
        LOG.error("{}", "invocation rejected: " + reason);
    }

    private static void write(InvocationReport report, Level level) {
        LOG.atLevel(level).log("{}", "evaluated " + report.evaluations().size() + " resources, "
                + report.results().size() + " with violations", field("warnings", report.warnings()));
        List<Evaluation> evaluations = report.evaluations();
        for (int from = 0; from < evaluations.size(); from += EVALUATIONS_PER_LINE) {
            int to = Math.min(evaluations.size(), from + EVALUATIONS_PER_LINE);
            LOG.info("{}", "evaluations " + (from + 1) + "-" + to + " of " + evaluations.size(),
                    field("evaluations", evaluations.subList(from, to).stream().map(InvocationLog::entry).toList()));
        }
        for (RemediationResult result : report.results()) {
            LOG.atLevel(result.error().isPresent() ? Level.WARN : Level.INFO)
                    .log("{}", "remediation result", field("result", ResultJson.detail(result)));
        }
    }

    private static Map<String, String> entry(Evaluation evaluation) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("resourceId", evaluation.resourceId());
        entry.put("compliance", evaluation.compliance().name());
        entry.put("annotation", evaluation.annotation());
        return entry;
    }
}
