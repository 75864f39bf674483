package dev.securitywatch.hubcheck.check;

/**
 * An external system (Security Hub, Organizations, the snapshot store, Slack) failed. The message is one line, names
 * the AWS error code where there is one, and never holds a secret, so it can go into the Slack report and the log.
 */
public class DependencyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DependencyFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
