package dev.securitywatch.notifier.health;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The coverage map: which accounts and regions Security Watch hears from, joined from what the organization has,
 * what is configured, which regions each account has enabled, and the heartbeats. Every gap is a place where events
 * happen and nobody is told: an account of the organization that is not enrolled, an enrolled path that is silent
 * (or never sent a heartbeat), an enabled region with no member stack (attackers use regions nobody watches), the
 * security account itself when it is not a member, and an organization inventory too old to trust.
 *
 * @param organization     when the organization was read and how many accounts it had; empty when it was not
 * @param notEnrolled      active accounts of the organization that are not member accounts
 * @param silent           configured paths silent by {@code silentAfter}, or that never sent a heartbeat (no time)
 * @param unwatchedRegions enabled regions of member accounts without a member stack
 * @param notEnabled       configured regions the account has not enabled: no member stack can run there
 * @param securityAccount  the security account, and whether it is a member account
 * @param skipped          suspended or closed accounts of the organization, not reported
 * @param limits           what this check could not see, and why: not gaps, but the map is only as good as them
 */
public record Coverage(Instant checkedAt, Optional<Organization> organization, List<OrganizationInventory.Account>
        notEnrolled, List<Silent> silent, List<Unwatched> unwatchedRegions, List<Unwatched> notEnabled,
                       SecurityAccount securityAccount, int skipped, List<String> limits) {
    /** The membership watch runs daily or on weekdays; four days without a read mean it has stopped. */
    public static final Duration INVENTORY_STALE_AFTER = Duration.ofDays(4);

    public Coverage {
        Objects.requireNonNull(organization, "organization");
        notEnrolled = List.copyOf(notEnrolled);
        silent = List.copyOf(silent);
        unwatchedRegions = List.copyOf(unwatchedRegions);
        notEnabled = List.copyOf(notEnabled);
        Objects.requireNonNull(securityAccount, "securityAccount");
        limits = List.copyOf(limits);
    }

    /**
     * What is configured: the security account and each member account's regions (from {@code memberAccounts}).
     *
     * @param securityAccount empty when not configured (the CLI reads it from cdk.json instead)
     */
    public record Configured(Optional<String> securityAccount, Map<String, List<String>> paths) {
        public static final Configured NONE = new Configured(Optional.empty(), Map.of());

        public Configured {
            Objects.requireNonNull(securityAccount, "securityAccount");
            paths = Map.copyOf(paths);
        }

        /** Paths a canary should prove: each configured region, and the global path of a us-east-1 member. */
        public int pathCount() {
            return paths.values().stream().mapToInt(regions -> regions.size()
                    + (regions.contains("us-east-1") ? 1 : 0)).sum();
        }
    }

    /** @param stale read longer ago than {@link #INVENTORY_STALE_AFTER}: the membership watch has stopped */
    public record Organization(Instant readAt, int accounts, boolean stale) {
    }

    /** @param lastHeartbeat empty when the path never sent one */
    public record Silent(String account, String region, Optional<Instant> lastHeartbeat) {
    }

    public record Unwatched(String account, String region) {
    }

    public record SecurityAccount(String id, boolean member) {
    }

    /** How many places are not covered. */
    public int gaps() {
        return notEnrolled.size() + silent.size() + unwatchedRegions.size() + notEnabled.size()
                + (securityAccount.member() ? 0 : 1) + (organization.filter(Organization::stale).isPresent() ? 1 : 0);
    }

    /**
     * @param inventory   the organization's accounts and the regions they have enabled; empty when not read, and
     *                    then {@code limits} should say why
     * @param configured  member account id to its configured regions
     * @param heartbeats  the newest heartbeat per path (region, or {@link Heartbeat#GLOBAL} for the IAM path)
     * @param silentAfter how long without a heartbeat makes a path silent
     * @param limits      what could not be read, and why
     */
    public static Coverage of(String securityAccount, Optional<OrganizationInventory> inventory,
                              Map<String, List<String>> configured, Map<Heartbeat.Path, Instant> heartbeats,
                              Instant now, Duration silentAfter, List<String> limits) {
        List<String> allLimits = new ArrayList<>(limits);
        List<OrganizationInventory.Account> notEnrolled = new ArrayList<>();
        int skipped = 0;
        for (OrganizationInventory.Account account : inventory.map(OrganizationInventory::accounts)
                .orElse(List.of())) {
            if (!account.isActive()) {
                skipped++;
            } else if (!configured.containsKey(account.id()) && !account.id().equals(securityAccount)) {
                notEnrolled.add(account);
            }
        }
        Map<String, List<String>> enabledRegions = inventory.map(OrganizationInventory::enabledRegions)
                .orElse(Map.of());
        inventory.flatMap(OrganizationInventory::enabledRegionsUnreadable)
                .ifPresent(why -> allLimits.add("enabled regions not read: " + why));

        List<Silent> silent = new ArrayList<>();
        List<Unwatched> unwatched = new ArrayList<>();
        List<Unwatched> notEnabled = new ArrayList<>();
        for (Map.Entry<String, List<String>> member : configured.entrySet()) {
            String account = member.getKey();
            Set<String> paths = new LinkedHashSet<>(member.getValue());
            if (paths.contains("us-east-1")) {
                paths.add(Heartbeat.GLOBAL);
            }
            for (String region : paths) {
                Optional<Instant> last = Optional.ofNullable(heartbeats.get(new Heartbeat.Path(account, region)));
                if (last.isEmpty() || Duration.between(last.get(), now).compareTo(silentAfter) > 0) {
                    silent.add(new Silent(account, region, last));
                }
            }
            if (enabledRegions.containsKey(account)) {
                List<String> enabled = enabledRegions.get(account);
                enabled.stream().filter(region -> !member.getValue().contains(region))
                        .forEach(region -> unwatched.add(new Unwatched(account, region)));
                member.getValue().stream().filter(region -> !enabled.contains(region))
                        .forEach(region -> notEnabled.add(new Unwatched(account, region)));
            }
        }
        notEnrolled.sort(Comparator.comparing(OrganizationInventory.Account::id));
        silent.sort(Comparator.comparing(Silent::account).thenComparing(Silent::region));
        unwatched.sort(Comparator.comparing(Unwatched::account).thenComparing(Unwatched::region));
        notEnabled.sort(Comparator.comparing(Unwatched::account).thenComparing(Unwatched::region));
        Optional<Organization> organization = inventory.map(read -> new Organization(read.readAt(),
                read.accounts().size(), Duration.between(read.readAt(), now).compareTo(INVENTORY_STALE_AFTER) > 0));
        return new Coverage(now, organization, notEnrolled, silent, unwatched, notEnabled,
                new SecurityAccount(securityAccount, configured.containsKey(securityAccount)), skipped, allLimits);
    }
}
