package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.invocation.ConfigurationItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to AWS Config. A failure here is the one failure that fails the invocation (Lambda retries it). */
public interface ConfigGateway {
    /** Config accepts at most this many evaluations per PutEvaluations call. */
    int MAX_EVALUATIONS_PER_CALL = 100;

    /**
     * Reports up to {@link #MAX_EVALUATIONS_PER_CALL} evaluations; returns the resource ids Config rejected
     * (its FailedEvaluations), which callers log.
     */
    List<String> putEvaluations(String resultToken, List<Evaluation> evaluations);

    /** The configuration item of the resource as recorded at {@code captureTime}, with its configuration. */
    Optional<ConfigurationItem> itemAt(String resourceType, String resourceId, Instant captureTime);
}
