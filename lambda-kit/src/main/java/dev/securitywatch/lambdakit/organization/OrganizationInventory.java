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
 * @param stackSet                the organization StackSet's instances, in {@code deployment.mode: stackset}
 */
public record OrganizationInventory(Instant readAt, List<Account> accounts, Map<String, List<String>> enabledRegions,
                                    Optional<String> enabledRegionsUnreadable, Optional<StackSetInstances> stackSet) {
    /** The one object, overwritten each day; the bucket's versions keep the history. */
    public static final String KEY = "organization/inventory.json";

    public OrganizationInventory {
        Objects.requireNonNull(readAt, "readAt");
        accounts = accounts.stream().sorted(Comparator.comparing(Account::id)).toList();
        Map<String, List<String>> sorted = new TreeMap<>();
        enabledRegions.forEach((account, regions) -> sorted.put(account, regions.stream().sorted().toList()));
        enabledRegions = Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(enabledRegionsUnreadable, "enabledRegionsUnreadable");
        Objects.requireNonNull(stackSet, "stackSet");
    }

    /** An inventory of a deployment without a StackSet. */
    public OrganizationInventory(Instant readAt, List<Account> accounts, Map<String, List<String>> enabledRegions,
                                 Optional<String> enabledRegionsUnreadable) {
        this(readAt, accounts, enabledRegions, enabledRegionsUnreadable, Optional.empty());
    }

    /**
     * The organization StackSet's stack instances as {@code ListStackInstances} returned them, or why they could not
     * be read (then {@code instances} is empty and says nothing).
     */
    public record StackSetInstances(String name, List<StackInstance> instances, Optional<String> unreadable) {
        public StackSetInstances {
            Objects.requireNonNull(name, "name");
            instances = instances.stream().sorted(Comparator.comparing(StackInstance::account)
                    .thenComparing(StackInstance::region)).toList();
            Objects.requireNonNull(unreadable, "unreadable");
        }
    }

    /**
     * One account and region of the StackSet, in the API's words.
     *
     * @param status         CURRENT, OUTDATED or INOPERABLE
     * @param detailedStatus the last operation's outcome: SUCCEEDED, FAILED, RUNNING, PENDING, CANCELLED,
     *                       INOPERABLE, SKIPPED_SUSPENDED_ACCOUNT or FAILED_IMPORT; null when not reported
     * @param driftStatus    IN_SYNC, DRIFTED, NOT_CHECKED or UNKNOWN; null when not reported
     * @param statusReason   CloudFormation's explanation of a status other than CURRENT, when it gave one
     */
    public record StackInstance(String account, String region, String status, String detailedStatus,
                                String driftStatus, String statusReason) {
        public StackInstance {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(status, "status");
        }

        /** What is wrong with this instance, in a few words; empty when it is deployed, current and in sync. */
        public Optional<String> problem() {
            if ("FAILED".equals(detailedStatus) || "INOPERABLE".equals(status)) {
                return Optional.of(status.toLowerCase(Locale.ROOT) + " (" + (detailedStatus == null ? status
                        : detailedStatus) + ")" + reason());
            }
            if (!"CURRENT".equals(status)) {
                return Optional.of("outdated (" + (detailedStatus == null ? status : detailedStatus) + ")"
                        + reason());
            }
            if ("DRIFTED".equals(driftStatus)) {
                return Optional.of("drifted: changed outside the StackSet");
            }
            return Optional.empty();
        }

        private String reason() {
            return statusReason == null || statusReason.isBlank() ? "" : ": " + statusReason;
        }
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
