package dev.securitywatch.notifier.health;

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
 * (or never sent a heartbeat), an enabled region with no member stack (attackers use regions nobody watches), and
 * the security account itself when it is not a member.
 *
 * @param notEnrolled      active accounts of the organization that are not member accounts
 * @param silent           configured paths silent by {@code silentAfter}, or that never sent a heartbeat (no time)
 * @param unwatchedRegions enabled regions of member accounts without a member stack
 * @param notEnabled       configured regions the account has not enabled: no member stack can run there
 * @param securityAccount  the security account, and whether it is a member account
 * @param skipped          suspended or closed accounts of the organization, not reported
 */
public record Coverage(Instant checkedAt, List<Account> notEnrolled, List<Silent> silent,
                       List<Unwatched> unwatchedRegions, List<Unwatched> notEnabled, SecurityAccount securityAccount,
                       int skipped) {

    public Coverage {
        notEnrolled = List.copyOf(notEnrolled);
        silent = List.copyOf(silent);
        unwatchedRegions = List.copyOf(unwatchedRegions);
        notEnabled = List.copyOf(notEnabled);
        Objects.requireNonNull(securityAccount, "securityAccount");
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

    /** An account of the organization as {@code ListAccounts} says: {@code state} ACTIVE, SUSPENDED, ... */
    public record Account(String id, String name, String state) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }

        boolean isActive() {
            return state.equalsIgnoreCase("ACTIVE");
        }
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
                + (securityAccount.member() ? 0 : 1);
    }

    /**
     * @param organization   every account {@code ListAccounts} returned, any state
     * @param configured     member account id to its configured regions
     * @param enabledRegions member account id to the regions it has enabled, where readable; an account missing here
     *                       is not checked for unwatched regions
     * @param heartbeats     the newest heartbeat per path (region, or {@link Heartbeat#GLOBAL} for the IAM path)
     * @param silentAfter    how long without a heartbeat makes a path silent
     */
    public static Coverage of(String securityAccount, List<Account> organization, Map<String, List<String>> configured,
                              Map<String, List<String>> enabledRegions, Map<Heartbeat.Path, Instant> heartbeats,
                              Instant now, Duration silentAfter) {
        List<Account> notEnrolled = new ArrayList<>();
        int skipped = 0;
        for (Account account : organization) {
            if (!account.isActive()) {
                skipped++;
            } else if (!configured.containsKey(account.id()) && !account.id().equals(securityAccount)) {
                notEnrolled.add(account);
            }
        }
        notEnrolled.sort(Comparator.comparing(Account::id));

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
        silent.sort(Comparator.comparing(Silent::account).thenComparing(Silent::region));
        unwatched.sort(Comparator.comparing(Unwatched::account).thenComparing(Unwatched::region));
        notEnabled.sort(Comparator.comparing(Unwatched::account).thenComparing(Unwatched::region));
        return new Coverage(now, notEnrolled, silent, unwatched, notEnabled,
                new SecurityAccount(securityAccount, configured.containsKey(securityAccount)), skipped);
    }
}
