package dev.securitywatch.hubcheck.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import dev.securitywatch.hubcheck.report.Baseline;
import dev.securitywatch.hubcheck.report.MembershipReport;
import dev.securitywatch.hubcheck.report.Problem;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import dev.securitywatch.hubcheck.snapshot.SnapshotFormatException;
import dev.securitywatch.hubcheck.snapshot.SnapshotKeys;
import dev.securitywatch.hubcheck.snapshot.SnapshotRef;
import dev.securitywatch.hubcheck.snapshot.StoredSnapshot;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One scheduled run: read membership in every region (and the organization), write the snapshot, compare it with
 * the latest earlier snapshot, and publish the report. A region or Organizations that cannot be read, or a previous
 * snapshot that cannot be used, is reported and never stops the current snapshot from being written.
 */
public final class MembershipCheck {
    /** How many older snapshots are searched for a region the latest one lacks (about three weeks of weekdays). */
    private static final int REGION_LOOKBACK = 15;

    private final CheckSettings settings;
    private final SecurityHubMembers securityHub;
    private final Optional<OrganizationAccounts> organizations;
    private final EnabledRegions enabledRegions;
    private final Optional<StackSetInstancesSource> stackSet;
    private final SnapshotStore store;
    private final ReportPublisher publisher;
    private final SnapshotCodec codec;
    private final SlackReportRenderer renderer;
    private final Clock clock;
    private final OrganizationInventoryJson inventoryJson;

    /**
     * {@code organizations} is empty when the Organizations checks are switched off; {@code enabledRegions} and
     * {@code stackSet} are read only for the organization's inventory, so only with them. {@code stackSet} is empty
     * unless the member side is the organization StackSet.
     */
    public MembershipCheck(CheckSettings settings, SecurityHubMembers securityHub,
                           Optional<OrganizationAccounts> organizations, EnabledRegions enabledRegions,
                           Optional<StackSetInstancesSource> stackSet, SnapshotStore store,
                           ReportPublisher publisher, SnapshotCodec codec, SlackReportRenderer renderer, Clock clock) {
        this.settings = settings;
        this.securityHub = securityHub;
        this.organizations = organizations;
        this.enabledRegions = enabledRegions;
        this.stackSet = stackSet;
        this.store = store;
        this.publisher = publisher;
        this.codec = codec;
        this.renderer = renderer;
        this.clock = clock;
        this.inventoryJson = new OrganizationInventoryJson(new ObjectMapper());
    }

    /**
     * @param scheduledTime  when the schedule fired; a retry of the same run compares with the snapshots taken
     *                       before it, not with the one its failed attempt wrote. Empty for a manual run.
     * @param administrators the Security Hub administrator account(s), never expected to be their own members
     * @throws DependencyFailure    when the report cannot be delivered
     * @throws CheckFailedException after delivering, when no snapshot could be taken or written
     */
    public CheckOutcome run(Optional<Instant> scheduledTime, Set<String> administrators) {
        Instant now = SnapshotKeys.truncate(clock.instant());
        Instant cutoff = scheduledTime.filter(time -> time.isBefore(now)).orElse(now);
        List<Problem> problems = new ArrayList<>();

        Map<String, List<Member>> regions = new LinkedHashMap<>();
        for (String region : settings.regions()) {
            try {
                regions.put(region, securityHub.listMembers(region));
            } catch (DependencyFailure e) {
                problems.add(new Problem("Security Hub " + region, e.getMessage()));
            }
        }
        List<OrgAccount> organization = organizations.map(source -> readOrganization(source, problems)).orElse(null);
        MembershipSnapshot current = MembershipSnapshot.of(now, regions, organization);
        if (organization != null) {
            writeInventory(now, organization, problems);
        }

        Optional<String> written = regions.isEmpty() ? Optional.empty() : write(current, problems);
        Previous previous = findPrevious(cutoff, current);
        MembershipReport report = MembershipReport.compare(cutoff.atZone(settings.zone()).toLocalDate(),
                settings.zone(), current, previous.snapshot(), previous.baseline(), administrators,
                settings.accountNames(), problems, written.map(store::location));

        publisher.publish(renderer.render(report));
        if (regions.isEmpty()) {
            throw new CheckFailedException("no region could be read, so no snapshot was written");
        }
        if (written.isEmpty()) {
            throw new CheckFailedException("the snapshot could not be written");
        }
        return new CheckOutcome(written, report);
    }

    private static List<OrgAccount> readOrganization(OrganizationAccounts source, List<Problem> problems) {
        try {
            return source.listAccounts();
        } catch (DependencyFailure e) {
            problems.add(new Problem("Organizations", e.getMessage()));
            return null;
        }
    }

    /**
     * The organization's accounts, each active account's enabled regions and, in stackset mode, the StackSet's
     * instances, for the notifier's daily coverage check.
     * A first account whose regions cannot be read stops the reads (a missing permission or trusted access fails
     * them all alike); a later one is counted and the rest are still read.
     */
    private void writeInventory(Instant now, List<OrgAccount> organization, List<Problem> problems) {
        Map<String, List<String>> enabled = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<OrgAccount> active = organization.stream().filter(OrgAccount::isActive).toList();
        for (OrgAccount account : active) {
            try {
                enabled.put(account.accountId(), enabledRegions.enabledRegions(account.accountId()));
            } catch (DependencyFailure e) {
                failures.add(e.getMessage());
                if (enabled.isEmpty()) {
                    break;
                }
            }
        }
        Optional<String> unreadable = failures.isEmpty() ? Optional.empty() : Optional.of(enabled.isEmpty()
                ? failures.get(0)
                : failures.size() + " of " + active.size() + " accounts, first: " + failures.get(0));
        OrganizationInventory inventory = new OrganizationInventory(now, organization.stream()
                .map(account -> new OrganizationInventory.Account(account.accountId(), account.name(),
                        account.state()))
                .toList(), enabled, unreadable, stackSet.map(StackSetInstancesSource::read));
        try {
            store.write(OrganizationInventory.KEY, inventoryJson.write(inventory));
        } catch (DependencyFailure e) {
            problems.add(new Problem("Organization inventory write to " + store.location(OrganizationInventory.KEY),
                    e.getMessage()));
        }
    }

    private Optional<String> write(MembershipSnapshot current, List<Problem> problems) {
        String key = SnapshotKeys.keyFor(current.takenAt().orElseThrow());
        try {
            store.write(key, codec.write(current));
            return Optional.of(key);
        } catch (DependencyFailure e) {
            problems.add(new Problem("Snapshot write to " + store.location(key), e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The latest snapshot before the cutoff; the original stack's files count only when there is no newer one. A
     * region missing from it (not readable that day) is compared with the newest older snapshot that has it.
     */
    private Previous findPrevious(Instant cutoff, MembershipSnapshot current) {
        List<SnapshotRef> earlier;
        try {
            earlier = SnapshotKeys.newestFirstBefore(store.keys(SnapshotKeys.PREFIX), cutoff);
            if (earlier.isEmpty()) {
                earlier = SnapshotKeys.newestFirstBefore(store.keys(SnapshotKeys.LEGACY_PREFIX), cutoff);
            }
        } catch (DependencyFailure e) {
            return new Previous(new Baseline.Unreadable(store.location(SnapshotKeys.PREFIX), e.getMessage()),
                    Optional.empty());
        }
        if (earlier.isEmpty()) {
            return new Previous(new Baseline.FirstRun(), Optional.empty());
        }
        SnapshotRef latestRef = earlier.get(0);
        MembershipSnapshot latest;
        try {
            latest = read(latestRef, current);
        } catch (DependencyFailure | SnapshotFormatException e) {
            return new Previous(new Baseline.Unreadable(latestRef.key(), e.getMessage()), Optional.empty());
        }
        Map<String, Instant> olderRegions = new TreeMap<>();
        MembershipSnapshot previous = withOlderRegions(latest, current,
                earlier.subList(1, Math.min(earlier.size(), 1 + REGION_LOOKBACK)), olderRegions);
        return new Previous(new Baseline.Compared(latestRef.key(), Optional.of(latestRef.takenAt()),
                latestRef.legacy(), olderRegions), Optional.of(previous));
    }

    private MembershipSnapshot withOlderRegions(MembershipSnapshot latest, MembershipSnapshot current,
                                                List<SnapshotRef> older, Map<String, Instant> olderRegions) {
        Set<String> missing = new TreeSet<>(current.regions().keySet());
        missing.removeAll(latest.regions().keySet());
        Map<String, List<Member>> regions = new TreeMap<>(latest.regions());
        for (SnapshotRef ref : older) {
            if (missing.isEmpty()) {
                break;
            }
            MembershipSnapshot snapshot;
            try {
                snapshot = read(ref, current);
            } catch (DependencyFailure | SnapshotFormatException e) {
                // An unreadable older file only limits how far back a missing region is looked for.
                continue;
            }
            for (String region : List.copyOf(missing)) {
                if (snapshot.regions().containsKey(region)) {
                    regions.put(region, snapshot.members(region));
                    olderRegions.put(region, ref.takenAt());
                    missing.remove(region);
                }
            }
        }
        return new MembershipSnapshot(latest.takenAt(), regions, latest.organization());
    }

    private MembershipSnapshot read(SnapshotRef ref, MembershipSnapshot current) {
        StoredSnapshot stored = codec.read(store.read(ref.key()),
                ref.legacy() ? Optional.of(ref.takenAt()) : Optional.empty());
        return stored.resolveAgainst(current, settings::centralRegion);
    }

    private record Previous(Baseline baseline, Optional<MembershipSnapshot> snapshot) {
    }
}
