package dev.securitywatch.remediation.testing;

import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.ResultPublisher;
import java.util.ArrayList;
import java.util.List;

/** In-memory EventBridge behind the port. */
public final class FakePublisher implements ResultPublisher {
    public final List<RemediationResult> published = new ArrayList<>();
    public boolean fail;

    @Override
    public void publish(List<RemediationResult> results) {
        if (fail) {
            throw new PublishException("PutEvents failed for " + results.size() + " results", null);
        }
        published.addAll(results);
    }
}
