package dev.securitywatch.remediation.policy;

/**
 * An invalid remediation setting. The one-line message is {@code key: problem}, the key being the cdk.json context
 * key (e.g. {@code ingressAllowList[1].fromPort}), so infra can report it at synth as its own and the Lambda and
 * the CLI print it as it is.
 */
public class PolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public PolicyException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The context key at fault, e.g. {@code remediation.exemptTagKey}. */
    public String key() {
        return key;
    }

    /** The message without the key: the expected form and the value found. */
    public String problem() {
        return problem;
    }
}
