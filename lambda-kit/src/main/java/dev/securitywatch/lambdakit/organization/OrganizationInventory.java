package dev.securitywatch.lambdakit.organization;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The organization as the membership watch read it: its accounts and the regions each has enabled. The membership
 * watch writes it daily next to its snapshots ({@link #KEY}); the notifier's coverage check joins it with the
 * configured member paths and their heartbeats. It lives here because both Lambdas read or write it.
 *
 * @param readAt                  when Organizations was read
 * @param accounts                every account {@code ListAccounts} returned, any state, sorted by id
 * @param enabledRegions          account id → regions it has enabled, for the accounts whose regions were readable
 * @param enabledRegionsUnreadable why the enabled regions of the other active accounts are missing, when they are
 */
public record OrganizationInventory(Instant readAt, List<Account> accounts, Map<String, List<String>> enabledRegions,
                                    Optional<String> enabledRegionsUnreadable) {
    /** The one object, overwritten each day; the bucket's versions keep the history. */
    public static final String KEY = "organization/inventory.json";

    public OrganizationInventory {
        Objects.requireNonNull(readAt, "readAt");
        accounts = accounts.stream().sorted(Comparator.comparing(Account::id)).toList();
        Map<String, List<String>> sorted = new TreeMap<>();
        enabledRegions.forEach((account, regions) -> sorted.put(account, regions.stream().sorted().toList()));
        enabledRegions = Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(enabledRegionsUnreadable, "enabledRegionsUnreadable");
    }

    /**
     * An account of the organization as {@code ListAccounts} describes it: {@code state} is the API's {@code State}
     * (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED), or the retiring {@code Status} where no {@code State} came back.
     */
    public record Account(String id, String name, String state) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            name = name == null || name.isBlank() ? null : name;
        }

        public boolean isActive() {
            return state.trim().toUpperCase(Locale.ROOT).equals("ACTIVE");
        }
    }
}
