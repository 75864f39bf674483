package dev.securitywatch.hubcheck.membership;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An account of the organization as {@code ListAccounts} describes it. {@code state} holds the API's {@code State}
 * ({@code ACTIVE}, {@code SUSPENDED}, {@code PENDING_CLOSURE}, {@code CLOSED}, ...), or the retiring {@code Status}
 * when the API returned no {@code State}.
 */
public record OrgAccount(String accountId, String name, String state) {
    private static final Set<String> SUSPENDED_OR_CLOSED = Set.of("SUSPENDED", "PENDING_CLOSURE", "CLOSED");

    public OrgAccount {
        AccountIds.requireValid(accountId);
        Objects.requireNonNull(state, "state");
        name = name == null || name.isBlank() ? null : name;
    }

    public boolean isActive() {
        return normalizedState().equals("ACTIVE");
    }

    /** Accounts that cannot run Security Hub any more, whatever Security Hub still says. */
    public boolean isSuspendedOrClosed() {
        return SUSPENDED_OR_CLOSED.contains(normalizedState());
    }

    private String normalizedState() {
        return state.trim().toUpperCase(Locale.ROOT);
    }
}
