package dev.securitywatch.notifier.service;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.cloudtrail.ShareScope;
import dev.securitywatch.notifier.health.Coverage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the membership watch's organization inventory tells rendering: where a snapshot or image share stays inside
 * (the member accounts, the configured organization accounts and, while the inventory is fresh, the organization's
 * active accounts), and which accounts and regions the organization StackSet has an instance in, whose remediation
 * role is then this project's automation.
 * <p>
 * The inventory changes once a day, so a container reads it at most once per {@link #REFRESH}, and only when an
 * event asks: never during SnapStart priming, where an answer would be cached in the snapshot for every restore. An
 * inventory that is missing, unreadable, older than {@link Coverage#INVENTORY_STALE_AFTER} or dated in the future
 * widens nothing: only the configured accounts count, no StackSet instance is known, the alert goes on, and the
 * reason is logged once.
 */
public final class OrganizationView {
    /** How long one read of the inventory is used before the next; it changes daily. */
    public static final Duration REFRESH = Duration.ofHours(1);
    /** Two Lambdas' clocks may disagree a little; an inventory dated further ahead is not believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CoverageReports reports;
    private final ShareScope configured;
    private final Clock clock;
    private final NotifierLog log;
    private Read last;
    private Instant nextRead;
    /** While set (SnapStart priming), nothing is read: an answer would be cached in the snapshot for every restore. */
    private boolean offline;
    /** What the last scope was based on, as logged: each change is logged once. */
    private String basis;

    /**
     * @param members                this deployment's member accounts
     * @param organizationAccounts   the configured accounts of the organization ({@code alerts.organizationAccounts})
     */
    public OrganizationView(CoverageReports reports, Set<String> members, Set<String> organizationAccounts, Clock clock,
                       NotifierLog log) {
        this.reports = reports;
        this.configured = ShareScope.configured(members, organizationAccounts);
        this.clock = clock;
        this.log = log;
    }

    /**
     * What the last read found: the inventory, or why there was none to use.
     *
     * @param stackSetInstances "account region" of every StackSet instance the inventory lists
     * @param names             account id to its name in the organization
     */
    private record Read(Optional<OrganizationInventory> inventory, Set<String> active, Set<String> stackSetInstances,
                        Map<String, String> names, Optional<String> failure) {
        static Read failed(String why) {
            return new Read(Optional.empty(), Set.of(), Set.of(), Map.of(), Optional.of(why));
        }
    }

    /** Where a share stays inside, now. */
    public synchronized ShareScope shareScope() {
        if (!usable()) {
            return configured;
        }
        Set<String> organization = new HashSet<>(configured.organization());
        organization.addAll(last.active());
        return new ShareScope(configured.members(), organization, true);
    }

    /**
     * Whether the organization StackSet has an instance in {@code account} and {@code region}, by a fresh inventory;
     * false when there is none to trust (then the StackSet's remediator reads as a person: noisier, never quieter).
     */
    public synchronized boolean hasStackSetInstance(String account, String region) {
        return usable() && last.stackSetInstances().contains(account + " " + region);
    }

    /** The organization's name for {@code account}, from a fresh inventory; empty when it has none to trust. */
    public synchronized Optional<String> accountName(String account) {
        if (!usable()) {
            return Optional.empty();
        }
        return Optional.ofNullable(last.names().get(account));
    }

    /** Runs {@code work} without reading the inventory: every question is answered as if there were none. */
    public synchronized void offline(Runnable work) {
        offline = true;
        try {
            work.run();
        } finally {
            offline = false;
        }
    }

    /** Reads the inventory when the last read is an hour old; whether it can be trusted now, logged on change. */
    private boolean usable() {
        if (offline) {
            return false;
        }
        Instant now = clock.instant();
        if (nextRead == null || !now.isBefore(nextRead)) {
            last = read();
            nextRead = now.plus(REFRESH);
        }
        Optional<String> unusable = unusable(last, now);
        if (unusable.isPresent()) {
            if (!unusable.get().equals(basis)) {
                basis = unusable.get();
                log.organizationInventoryNotUsed(basis, last.failure().isEmpty() && last.inventory().isEmpty());
            }
            return false;
        }
        String used = "read at " + last.inventory().orElseThrow().readAt() + ", " + last.active().size()
                + " active accounts, " + last.stackSetInstances().size() + " StackSet instances";
        if (!used.equals(basis)) {
            basis = used;
            log.organizationInventoryUsed(basis);
        }
        return true;
    }

    private Read read() {
        try {
            Optional<OrganizationInventory> inventory = reports.inventory();
            return new Read(inventory, inventory.map(read -> read.accounts().stream()
                    .filter(OrganizationInventory.Account::isActive).map(OrganizationInventory.Account::id)
                    .collect(Collectors.toUnmodifiableSet())).orElse(Set.of()),
                    inventory.flatMap(OrganizationInventory::stackSet).map(stackSet -> stackSet.instances().stream()
                            .map(instance -> instance.account() + " " + instance.region())
                            .collect(Collectors.toUnmodifiableSet())).orElse(Set.of()),
                    inventory.map(read -> read.accounts().stream().filter(account -> account.name() != null)
                            .collect(Collectors.toUnmodifiableMap(OrganizationInventory.Account::id,
                                    OrganizationInventory.Account::name))).orElse(Map.of()), Optional.empty());
        } catch (CoverageReports.CoverageReportsUnavailableException e) {
            return Read.failed(e.getMessage());
        } catch (RuntimeException e) {
            // Whatever went wrong, an alert must not wait for the organization; the class name only, as for the SDK.
            return Read.failed("reading " + reports.inventoryLocation() + " failed: " + e.getClass().getSimpleName());
        }
    }

    private Optional<String> unusable(Read read, Instant now) {
        if (read.failure().isPresent()) {
            return read.failure();
        }
        if (read.inventory().isEmpty()) {
            return Optional.of("no inventory at " + reports.inventoryLocation());
        }
        Instant readAt = read.inventory().get().readAt();
        if (readAt.isBefore(now.minus(Coverage.INVENTORY_STALE_AFTER))) {
            return Optional.of("the inventory was read at " + readAt + ", more than "
                    + Coverage.INVENTORY_STALE_AFTER.toDays() + " days ago: the membership watch has stopped");
        }
        if (readAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the inventory says it was read at " + readAt + ", in the future");
        }
        return Optional.empty();
    }
}
