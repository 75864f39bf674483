package dev.securitywatch.hubcheck.snapshot;

/** A stored snapshot that is not valid JSON or not a snapshot; the message is one line. */
public class SnapshotFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message, null, false, false);
    }
}
