package dev.securitywatch.catalog;

/** How urgently a security team should look at an event. Declared from most to least urgent. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public boolean isMoreUrgentThan(Severity other) {
        return compareTo(other) < 0;
    }

    public static Severity mostUrgent(Severity a, Severity b) {
        return a.isMoreUrgentThan(b) ? a : b;
    }
}
