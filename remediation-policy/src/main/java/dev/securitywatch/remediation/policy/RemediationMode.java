package dev.securitywatch.remediation.policy;

/** How far remediation may go, from least to most invasive. */
public enum RemediationMode {
    /** Evaluate and report; change nothing. The rollout default. */
    REPORT_ONLY,
    /** Revoke rules the allow-list does not allow; never add. */
    REVOKE_ONLY,
    /** Revoke what is not allowed and add what is required but missing (the original design). */
    ENFORCE;

    public boolean revokes() {
        return this != REPORT_ONLY;
    }

    public boolean authorizes() {
        return this == ENFORCE;
    }

    /** The less invasive of the two: a special-group policy can hold a mode back, never push it further. */
    public RemediationMode atMost(RemediationMode limit) {
        return compareTo(limit) <= 0 ? this : limit;
    }
}
