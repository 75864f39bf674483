package dev.securitywatch.hubcheck.report;

import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Display names for account ids. The team's own names ({@code memberAccounts} in cdk.json, env
 * {@code ACCOUNT_NAMES}) win over Organizations' names, so the report speaks the same language as the other alerts.
 */
public final class AccountNames {
    private final Map<String, String> names;

    private AccountNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static AccountNames of(Map<String, String> configured, MembershipSnapshot snapshot) {
        Map<String, String> names = new HashMap<>();
        snapshot.organization().ifPresent(accounts -> accounts.stream()
                .filter(account -> account.name() != null)
                .forEach(account -> names.put(account.accountId(), account.name())));
        configured.forEach((id, name) -> {
            if (name != null && !name.isBlank()) {
                names.put(id, name);
            }
        });
        return new AccountNames(names);
    }

    public Optional<String> nameOf(String accountId) {
        return Optional.ofNullable(names.get(accountId));
    }
}
