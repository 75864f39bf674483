package dev.securitywatch.notifier.health;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coverage map: which accounts and regions Security Watch hears from, joined from what the organization has,
 * what is configured, which regions each account has enabled, the organization StackSet's instances, and the
 * heartbeats. Every gap is a place where events happen and nobody is told: an account of the organization that is
 * not enrolled, an expected path that is silent (or never sent a heartbeat), an enabled region with no member
 * (attackers use regions nobody watches), a StackSet instance that failed or is out of date, the security account
 * itself when it is not a member, and an organization inventory too old to trust.
 * <p>
 * The expected paths are the configured member stacks' ({@code memberAccounts}) and, in {@code deployment.mode:
 * stackset}, the StackSet's instances: each account and region the StackSet has an instance in, where the account
 * has the region enabled. When the instances could not be read, every active account of the organization is expected
 * in the StackSet's regions, and {@code limits} says so.
 *
 * @param expectedPaths    paths that should send heartbeats: each expected region, and the global path of each
 *                         account expected in us-east-1
 * @param organization     when the organization was read and how many accounts it had; empty when it was not
 * @param notEnrolled      active accounts of the organization with neither a member stack nor a StackSet instance
 * @param silent           expected paths silent by {@code silentAfter}, or that never sent a heartbeat (no time)
 * @param unwatchedRegions enabled regions of enrolled accounts without a member
 * @param notEnabled       configured regions the account has not enabled: no member stack can run there
 * @param stackSet         the StackSet's side of the map, in {@code stackset} mode
 * @param securityAccount  the security account, and whether it is a member account
 * @param skipped          suspended or closed accounts of the organization, not reported
 * @param limits           what this check could not see, and why: not gaps, but the map is only as good as them
 */
public record Coverage(Instant checkedAt, int expectedPaths, Optional<Organization> organization,
                       List<OrganizationInventory.Account> notEnrolled, List<Silent> silent,
                       List<Unwatched> unwatchedRegions, List<Unwatched> notEnabled, Optional<StackSet> stackSet,
                       SecurityAccount securityAccount, int skipped, List<String> limits) {
    /** The membership watch runs daily or on weekdays; four days without a read mean it has stopped. */
    public static final Duration INVENTORY_STALE_AFTER = Duration.ofDays(4);
    /** Where the global services' (IAM's) events reach EventBridge, and so where the global path is proven. */
    private static final String GLOBAL_SERVICE_REGION = "us-east-1";
    private static final Comparator<Unwatched> BY_PATH = Comparator.comparing(Unwatched::account)
            .thenComparing(Unwatched::region);

    public Coverage {
        Objects.requireNonNull(organization, "organization");
        notEnrolled = List.copyOf(notEnrolled);
        silent = List.copyOf(silent);
        unwatchedRegions = List.copyOf(unwatchedRegions);
        notEnabled = List.copyOf(notEnabled);
        Objects.requireNonNull(stackSet, "stackSet");
        Objects.requireNonNull(securityAccount, "securityAccount");
        limits = List.copyOf(limits);
    }

    /**
     * What is configured: the security account, each member stack's account and regions (from {@code
     * memberAccounts}), and the organization's StackSet in {@code stackset} mode.
     *
     * @param securityAccount empty when not configured (the CLI reads it from cdk.json instead)
     */
    public record Configured(Optional<String> securityAccount, Map<String, List<String>> paths,
                             Optional<StackSetTarget> stackSet) {
        public static final Configured NONE = new Configured(Optional.empty(), Map.of(), Optional.empty());

        public Configured {
            Objects.requireNonNull(securityAccount, "securityAccount");
            paths = Map.copyOf(paths);
            Objects.requireNonNull(stackSet, "stackSet");
        }

        /** Nothing to check: no member stack and no StackSet. */
        public boolean isEmpty() {
            return paths.isEmpty() && stackSet.isEmpty();
        }
    }

    /** The StackSet that deploys the members ({@code deployment.mode: stackset}) and the regions it targets. */
    public record StackSetTarget(String name, List<String> regions) {
        public StackSetTarget {
            Objects.requireNonNull(name, "name");
            regions = List.copyOf(regions);
        }
    }

    /**
     * The StackSet's side of the map.
     *
     * @param instances       how many instances {@code ListStackInstances} returned; empty when they were not read
     * @param problems        instances that failed, are out of date or drifted: gaps
     * @param regionNotEnabled instances in regions their account has not enabled: nothing can run there, and the
     *                        StackSet's explicit region list means some accounts will have these; not gaps
     * @param proven          paths both a member stack and the StackSet cover, where the StackSet has sent a recent
     *                        heartbeat: the member stack can go
     * @param notYetProven    paths both cover, where the StackSet has not: keep the member stack
     */
    public record StackSet(StackSetTarget target, Optional<Integer> instances, List<InstanceProblem> problems,
                           List<Unwatched> regionNotEnabled, List<Unwatched> proven, List<Unwatched> notYetProven) {
        public StackSet {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(instances, "instances");
            problems = List.copyOf(problems);
            regionNotEnabled = List.copyOf(regionNotEnabled);
            proven = List.copyOf(proven);
            notYetProven = List.copyOf(notYetProven);
        }
    }

    /** One StackSet instance and what is wrong with it ({@link OrganizationInventory.StackInstance#problem()}). */
    public record InstanceProblem(String account, String region, String problem) {
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
                + stackSet.map(set -> set.problems().size()).orElse(0)
                + (securityAccount.member() ? 0 : 1) + (organization.filter(Organization::stale).isPresent() ? 1 : 0);
    }

    /**
     * @param inventory   the organization's accounts, the regions they have enabled and the StackSet's instances;
     *                    empty when not read, and then {@code limits} should say why
     * @param configured  the member stacks and the StackSet
     * @param heartbeats  what the heartbeat store knows of each path that ever sent one
     * @param silentAfter how long without a heartbeat makes a path silent
     * @param limits      what could not be read, and why
     */
    public static Coverage of(String securityAccount, Optional<OrganizationInventory> inventory,
                              Configured configured, List<PathState> heartbeats, Instant now, Duration silentAfter,
                              List<String> limits) {
        List<String> allLimits = new ArrayList<>(limits);
        List<OrganizationInventory.Account> active = new ArrayList<>();
        int skipped = 0;
        for (OrganizationInventory.Account account : inventory.map(OrganizationInventory::accounts)
                .orElse(List.of())) {
            if (account.isActive()) {
                active.add(account);
            } else {
                skipped++;
            }
        }
        Map<String, List<String>> enabledRegions = inventory.map(OrganizationInventory::enabledRegions)
                .orElse(Map.of());
        inventory.flatMap(OrganizationInventory::enabledRegionsUnreadable)
                .ifPresent(why -> allLimits.add("enabled regions not read: " + why));

        Expected expected = new Expected();
        configured.paths().forEach((account, regions) -> regions.forEach(region -> expected.add(account, region)));
        Optional<StackSetSide> stackSetSide = configured.stackSet().map(target ->
                stackSetSide(target, inventory, active, enabledRegions, allLimits));
        stackSetSide.ifPresent(side -> side.paths().forEach(path -> expected.add(path.account(), path.region())));
        stackSetSide.ifPresent(side -> expected.enrolled.addAll(side.enrolled()));

        Map<Heartbeat.Path, PathState> known = new HashMap<>();
        heartbeats.forEach(state -> known.put(state.path(), state));
        List<Silent> silent = new ArrayList<>();
        for (Heartbeat.Path path : expected.withGlobal()) {
            Optional<Instant> last = Optional.ofNullable(known.get(path)).map(PathState::lastHeartbeat);
            if (last.isEmpty() || olderThan(last.get(), now, silentAfter)) {
                silent.add(new Silent(path.account(), path.region(), last));
            }
        }
        List<OrganizationInventory.Account> notEnrolled = active.stream()
                .filter(account -> !expected.enrolled.contains(account.id()) && !account.id().equals(securityAccount))
                .sorted(Comparator.comparing(OrganizationInventory.Account::id)).toList();
        List<Unwatched> unwatched = new ArrayList<>();
        expected.regions.forEach((account, regions) -> enabledRegions.getOrDefault(account, List.of()).stream()
                .filter(region -> !regions.contains(region)).forEach(region -> unwatched.add(new Unwatched(account,
                        region))));
        List<Unwatched> notEnabled = new ArrayList<>();
        configured.paths().forEach((account, regions) -> {
            if (enabledRegions.containsKey(account)) {
                regions.stream().filter(region -> !enabledRegions.get(account).contains(region))
                        .forEach(region -> notEnabled.add(new Unwatched(account, region)));
            }
        });
        Optional<StackSet> stackSet = stackSetSide.map(side -> side.withMigration(configured.paths(), known, now,
                silentAfter));
        silent.sort(Comparator.comparing(Silent::account).thenComparing(Silent::region));
        unwatched.sort(BY_PATH);
        notEnabled.sort(BY_PATH);
        Optional<Organization> organization = inventory.map(read -> new Organization(read.readAt(),
                read.accounts().size(), olderThan(read.readAt(), now, INVENTORY_STALE_AFTER)));
        return new Coverage(now, expected.withGlobal().size(), organization, notEnrolled, silent, unwatched,
                notEnabled, stackSet, new SecurityAccount(securityAccount, expected.enrolled.contains(
                        securityAccount)), skipped, allLimits);
    }

    private static boolean olderThan(Instant at, Instant now, Duration age) {
        return Duration.between(at, now).compareTo(age) > 0;
    }

    /** The expected regions per account, and the accounts enrolled (an account may be enrolled with none). */
    private static final class Expected {
        final Map<String, Set<String>> regions = new TreeMap<>();
        final Set<String> enrolled = new HashSet<>();

        void add(String account, String region) {
            regions.computeIfAbsent(account, any -> new TreeSet<>()).add(region);
            enrolled.add(account);
        }

        /** Each expected region, and the global (IAM) path of an account expected in us-east-1. */
        List<Heartbeat.Path> withGlobal() {
            List<Heartbeat.Path> paths = new ArrayList<>();
            regions.forEach((account, expected) -> {
                expected.forEach(region -> paths.add(new Heartbeat.Path(account, region)));
                if (expected.contains(GLOBAL_SERVICE_REGION)) {
                    paths.add(new Heartbeat.Path(account, Heartbeat.GLOBAL));
                }
            });
            return paths;
        }
    }

    /**
     * What the StackSet should cover before the migration is joined in.
     *
     * @param paths    the account and regions the StackSet should hear from
     * @param enrolled accounts with at least one instance, enabled region or not
     */
    private record StackSetSide(StackSetTarget target, Optional<Integer> instances, List<Unwatched> paths,
                                Set<String> enrolled, List<InstanceProblem> problems,
                                List<Unwatched> regionNotEnabled) {
        StackSet withMigration(Map<String, List<String>> memberStacks, Map<Heartbeat.Path, PathState> known,
                               Instant now, Duration silentAfter) {
            List<Unwatched> proven = new ArrayList<>();
            List<Unwatched> notYetProven = new ArrayList<>();
            for (Unwatched path : paths) {
                if (!memberStacks.getOrDefault(path.account(), List.of()).contains(path.region())) {
                    continue;
                }
                List<String> regions = path.region().equals(GLOBAL_SERVICE_REGION)
                        ? List.of(path.region(), Heartbeat.GLOBAL) : List.of(path.region());
                for (String region : regions) {
                    boolean fresh = Optional.ofNullable(known.get(new Heartbeat.Path(path.account(), region)))
                            .flatMap(PathState::lastStackSetHeartbeat)
                            .filter(at -> !olderThan(at, now, silentAfter)).isPresent();
                    (fresh ? proven : notYetProven).add(new Unwatched(path.account(), region));
                }
            }
            return new StackSet(target, instances, problems, regionNotEnabled, proven, notYetProven);
        }
    }

    private static StackSetSide stackSetSide(StackSetTarget target, Optional<OrganizationInventory> inventory,
                                             List<OrganizationInventory.Account> active,
                                             Map<String, List<String>> enabledRegions, List<String> limits) {
        if (inventory.isEmpty()) {
            limits.add("StackSet members not known without the organization inventory: only memberAccounts are"
                    + " checked");
            return new StackSetSide(target, Optional.empty(), List.of(), Set.of(), List.of(), List.of());
        }
        Set<String> activeIds = new HashSet<>();
        active.forEach(account -> activeIds.add(account.id()));
        Optional<OrganizationInventory.StackSetInstances> read = inventory.get().stackSet()
                .filter(instances -> instances.unreadable().isEmpty());
        List<Unwatched> paths = new ArrayList<>();
        Set<String> enrolled = new HashSet<>();
        List<Unwatched> regionNotEnabled = new ArrayList<>();
        if (read.isEmpty()) {
            String why = inventory.get().stackSet().flatMap(OrganizationInventory.StackSetInstances::unreadable)
                    .orElse("the membership watch's inventory has no StackSet section");
            limits.add("StackSet instances not read: " + why + "; every active account is expected in "
                    + String.join(", ", target.regions()));
            for (String account : activeIds) {
                enrolled.add(account);
                target.regions().stream().filter(region -> enabled(enabledRegions, account, region))
                        .forEach(region -> paths.add(new Unwatched(account, region)));
            }
            return new StackSetSide(target, Optional.empty(), paths, enrolled, List.of(), List.of());
        }
        List<InstanceProblem> problems = new ArrayList<>();
        for (OrganizationInventory.StackInstance instance : read.get().instances()) {
            // An instance of an account that left or was suspended has nothing to watch.
            if (!activeIds.contains(instance.account())) {
                continue;
            }
            enrolled.add(instance.account());
            if (!enabled(enabledRegions, instance.account(), instance.region())) {
                regionNotEnabled.add(new Unwatched(instance.account(), instance.region()));
                continue;
            }
            paths.add(new Unwatched(instance.account(), instance.region()));
            instance.problem().ifPresent(problem -> problems.add(new InstanceProblem(instance.account(),
                    instance.region(), problem)));
        }
        return new StackSetSide(target, Optional.of(read.get().instances().size()), paths, enrolled, problems,
                regionNotEnabled);
    }

    /** Enabled, or not known to be disabled: without the account's regions, every region is assumed enabled. */
    private static boolean enabled(Map<String, List<String>> enabledRegions, String account, String region) {
        return !enabledRegions.containsKey(account) || enabledRegions.get(account).contains(region);
    }
}
