package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.ResultJson;
import java.io.PrintStream;
import java.util.List;

/**
 * Structured JSON lines on stdout (CloudWatch Logs) for every invocation: a summary with the warnings, the
 * evaluations in lines of at most 100, and one line per result event in full, so nothing is lost even when
 * publishing failed. Chunking keeps a sweep of thousands of groups under CloudWatch's 256 KB per event.
 */
final class InvocationLog {
    private static final int EVALUATIONS_PER_LINE = 100;

    private final ObjectMapper mapper;
    private final PrintStream out;

    InvocationLog(ObjectMapper mapper, PrintStream out) {
        this.mapper = mapper;
        this.out = out;
    }

    void handled(InvocationReport report) {
        write(report, report.warnings().isEmpty() ? "INFO" : "WARN");
    }

    /** The invocation failed after remediating: the lines still carry every evaluation and result. */
    void failed(InvocationReport report, String reason) {
        write(report.withWarnings(List.of(reason)), "ERROR");
    }

    void rejected(String reason) {
        out.println(line("ERROR", "invocation rejected: " + reason));
    }

    private void write(InvocationReport report, String level) {
        ObjectNode summary = line(level, "evaluated " + report.evaluations().size() + " resources, "
                + report.results().size() + " with violations");
        ArrayNode warnings = summary.putArray("warnings");
        report.warnings().forEach(warnings::add);
        out.println(summary);
        List<Evaluation> evaluations = report.evaluations();
        for (int from = 0; from < evaluations.size(); from += EVALUATIONS_PER_LINE) {
            int to = Math.min(evaluations.size(), from + EVALUATIONS_PER_LINE);
            ObjectNode line = line("INFO", "evaluations " + (from + 1) + "-" + to + " of " + evaluations.size());
            ArrayNode entries = line.putArray("evaluations");
            for (Evaluation evaluation : evaluations.subList(from, to)) {
                entries.addObject()
                        .put("resourceId", evaluation.resourceId())
                        .put("compliance", evaluation.compliance().name())
                        .put("annotation", evaluation.annotation());
            }
            out.println(line);
        }
        for (RemediationResult result : report.results()) {
            ObjectNode line = line(result.error().isPresent() ? "WARN" : "INFO", "remediation result");
            line.set("result", ResultJson.detail(result));
            out.println(line);
        }
    }

    private ObjectNode line(String level, String message) {
        return mapper.createObjectNode().put("level", level).put("message", message);
    }
}
