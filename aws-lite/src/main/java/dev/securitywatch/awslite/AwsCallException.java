package dev.securitywatch.awslite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * An AWS call that failed: the service refused it ({@link #status()} is its HTTP status and {@link #errorCode()} its
 * error type, e.g. {@code ConditionalCheckFailedException}), or it never got an answer (status 0 and a code such as
 * {@code timeout}). Messages name the operation and the code, never credentials or request bodies.
 */
public class AwsCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int status;
    private final transient JsonNode details;

    public AwsCallException(String errorCode, String message) {
        this(errorCode, 0, MissingNode.getInstance(), message);
    }

    public AwsCallException(String errorCode, int status, JsonNode details, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.status = status;
        this.details = details;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of the refusal; 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The service's error document (e.g. DynamoDB's {@code Item} on a failed condition), or a missing node. */
    public JsonNode details() {
        return details;
    }
}
