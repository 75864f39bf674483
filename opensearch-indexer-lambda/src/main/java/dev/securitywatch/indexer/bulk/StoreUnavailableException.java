package dev.securitywatch.indexer.bulk;

/**
 * The cluster could not be reached, or kept refusing after every retry. The invocation fails, so the subscription's
 * retry and DLQ keep the events: nothing is lost.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
