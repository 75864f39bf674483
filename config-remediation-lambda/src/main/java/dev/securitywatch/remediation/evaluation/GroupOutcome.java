package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.result.RemediationResult;
import java.util.Optional;

/** The evaluation for one group and, when it found a violation, the result event to publish. */
public record GroupOutcome(Evaluation evaluation, Optional<RemediationResult> result) {
}
