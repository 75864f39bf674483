package dev.securitywatch.infra.config;

/** How far the security-group remediator may go. */
public enum RemediationMode {
    /** Evaluate and report only: the safe mode for rollout. */
    REPORT_ONLY,
    /** Revoke rules outside the allow-list; never add. */
    REVOKE_ONLY,
    /** Revoke rules outside the allow-list and add missing required rules (the original design). */
    ENFORCE
}
