package dev.securitywatch.notifier.finding;

import dev.securitywatch.catalog.Severity;
import java.util.Locale;

/** Finding severities mapped onto the catalog's four levels. */
final class FindingSeverity {
    private FindingSeverity() {
    }

    /** GuardDuty: 9.0+ critical (attack sequences), 7.0+ high, 4.0+ medium, else low. */
    static Severity ofGuardDuty(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        return score >= 4.0 ? Severity.MEDIUM : Severity.LOW;
    }

    static String guardDutyLabel(double score) {
        Severity severity = ofGuardDuty(score);
        return severity.name().charAt(0) + severity.name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** ASFF {@code Severity.Label} or OCSF {@code severity}: CRITICAL/Fatal, HIGH, MEDIUM, LOW, INFORMATIONAL. */
    static Severity ofLabel(String label) {
        if (label == null) {
            return Severity.MEDIUM;
        }
        return switch (label.toUpperCase(Locale.ROOT)) {
            case "CRITICAL", "FATAL" -> Severity.CRITICAL;
            case "HIGH" -> Severity.HIGH;
            case "MEDIUM" -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    /** ASFF {@code Severity.Normalized} 0–100 when there is no label (older findings). */
    static String labelOfNormalized(int normalized) {
        if (normalized >= 90) {
            return "CRITICAL";
        }
        if (normalized >= 70) {
            return "HIGH";
        }
        if (normalized >= 40) {
            return "MEDIUM";
        }
        return normalized >= 1 ? "LOW" : "INFORMATIONAL";
    }
}
