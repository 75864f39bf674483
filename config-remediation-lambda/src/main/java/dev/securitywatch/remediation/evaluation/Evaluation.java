package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.result.Compliance;
import java.time.Instant;

/** One PutEvaluations entry; the annotation is already cut to Config's 256 characters. */
public record Evaluation(String resourceType, String resourceId, Compliance compliance, String annotation,
                         Instant orderingTimestamp) {

    public Evaluation {
        annotation = Annotations.fit(annotation);
    }
}
