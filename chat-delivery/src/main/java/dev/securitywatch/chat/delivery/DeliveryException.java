package dev.securitywatch.chat.delivery;

/**
 * A message could not be delivered. The message says what happened in words a log reader can act on and never
 * contains a webhook URL or token; no cause is attached for the same reason.
 */
public class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why delivery stopped. */
    public enum Kind {
        /** The service refused the message ({@code ok:false}, 4xx): retrying would not help. */
        PERMANENT,
        /** 5xx, timeouts or connection errors until the attempts or the time budget ran out. */
        EXHAUSTED,
        /**
         * The service asked to slow down (429) and its wait did not fit in the time left: nothing is wrong, the
         * message waits for a later delivery.
         */
        THROTTLED
    }

    private final Kind kind;
    private final String errorCode;
    private final int attempts;
    private final int throttled;

    public DeliveryException(Kind kind, String errorCode, int attempts, int throttled, String message) {
        super(message, null, false, true);
        this.kind = kind;
        this.errorCode = errorCode;
        this.attempts = attempts;
        this.throttled = throttled;
    }

    public Kind kind() {
        return kind;
    }

    /** Slack's error code ({@code channel_not_found}), {@code http_503}, {@code timeout} or similar. */
    public String errorCode() {
        return errorCode;
    }

    public int attempts() {
        return attempts;
    }

    /** How many 429 answers were honoured before giving up. */
    public int throttled() {
        return throttled;
    }

    /** The credentials were rejected (revoked token, deleted webhook): re-read the secret before the next try. */
    public boolean credentialsRejected() {
        return kind == Kind.PERMANENT && SlackErrors.isCredentialError(errorCode);
    }

    /**
     * The message a reply or an update was aimed at is gone (deleted, or too old to find): post a new message
     * instead.
     */
    public boolean targetGone() {
        return kind == Kind.PERMANENT && SlackErrors.isTargetGone(errorCode);
    }
}
