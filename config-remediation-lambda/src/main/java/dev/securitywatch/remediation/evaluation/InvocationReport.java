package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.result.RemediationResult;
import java.util.ArrayList;
import java.util.List;

/** Everything one invocation did, for the handler's log line: evaluations sent, results published, warnings. */
public record InvocationReport(List<Evaluation> evaluations, List<RemediationResult> results, List<String> warnings) {

    public InvocationReport {
        evaluations = List.copyOf(evaluations);
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    public InvocationReport withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new InvocationReport(evaluations, results, all);
    }
}
