package dev.securitywatch.hubcheck.check;

/**
 * The report was delivered, but the run could not do its main job (no region readable, or the snapshot not
 * written). Thrown after publishing so the invocation fails and the schedule's retry and DLQ alarm take over.
 */
public class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailedException(String message) {
        super(message);
    }
}
