package dev.securitywatch.remediation.result;

/** The compliance types remediation reports to AWS Config. */
public enum Compliance {
    COMPLIANT,
    NON_COMPLIANT,
    NOT_APPLICABLE
}
