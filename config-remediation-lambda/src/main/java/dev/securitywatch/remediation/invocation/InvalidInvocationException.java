package dev.securitywatch.remediation.invocation;

/** An input that is not a Config rule invocation remediation understands; the message is one line. */
public class InvalidInvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInvocationException(String message) {
        super(message, null, false, false);
    }
}
