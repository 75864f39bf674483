package dev.securitywatch.hubcheck.settings;

/**
 * In {@code deployment.mode: stackset}, the organization StackSet whose instances go into the inventory. Only the
 * StackSet's administrator account can list them, so infra says either how to call as that administrator or why
 * this account cannot.
 */
public sealed interface StackSetSettings {
    /** {@code STACKSET_NAME} */
    String name();

    /** This account administers the StackSet: {@code STACKSET_CALL_AS} is {@code SELF} or {@code DELEGATED_ADMIN}. */
    record Readable(String name, String callAs) implements StackSetSettings {
    }

    /** Another account administers it: {@code STACKSET_UNREADABLE} says which, for the coverage report. */
    record NotReadable(String name, String reason) implements StackSetSettings {
    }
}
