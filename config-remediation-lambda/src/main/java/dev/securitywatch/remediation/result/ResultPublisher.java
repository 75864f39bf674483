package dev.securitywatch.remediation.result;

import java.util.List;

/** Port to EventBridge: puts result events on the default bus of the Lambda's own account and region. */
public interface ResultPublisher {

    /** Publishes every result; throws {@link PublishException} naming what was not delivered. */
    void publish(List<RemediationResult> results);

    /** Some result events did not reach the bus. */
    class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
