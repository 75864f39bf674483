package dev.securitywatch.remediation.policy;

/** An invalid remediation setting; the one-line message names the context key and the expected form. */
public class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String key, String problem) {
        super(key + ": " + problem, null, false, false);
    }
}
