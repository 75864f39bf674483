package dev.securitywatch.hubcheck.diff;

import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed between two snapshots, region by region. Statuses are compared case-insensitively
 * ({@link MemberStatus#sameAs}), so {@code ENABLED} → {@code Enabled} is no change.
 *
 * @param changes        every account that is new, gone, or in another status, sorted by region then account
 * @param newRegions     regions only the current snapshot has: their members are a baseline, not changes
 * @param droppedRegions regions only the previous snapshot has (no longer configured, or not readable this run)
 */
public record MembershipDiff(List<MemberChange> changes, List<String> newRegions, List<String> droppedRegions) {

    public MembershipDiff {
        changes = List.copyOf(changes);
        newRegions = List.copyOf(newRegions);
        droppedRegions = List.copyOf(droppedRegions);
    }

    /** The diff of a baseline run, which has nothing to compare with. */
    public static MembershipDiff none() {
        return new MembershipDiff(List.of(), List.of(), List.of());
    }

    public static MembershipDiff between(MembershipSnapshot previous, MembershipSnapshot current) {
        List<MemberChange> changes = new ArrayList<>();
        List<String> newRegions = new ArrayList<>();
        List<String> droppedRegions = new ArrayList<>();
        TreeSet<String> regions = new TreeSet<>(previous.regions().keySet());
        regions.addAll(current.regions().keySet());
        for (String region : regions) {
            if (!previous.regions().containsKey(region)) {
                newRegions.add(region);
            } else if (!current.regions().containsKey(region)) {
                droppedRegions.add(region);
            } else {
                changes.addAll(regionChanges(region, previous.members(region), current.members(region)));
            }
        }
        return new MembershipDiff(changes, newRegions, droppedRegions);
    }

    private static List<MemberChange> regionChanges(String region, List<Member> before, List<Member> after) {
        Map<String, MemberStatus> was = byAccount(before);
        Map<String, MemberStatus> is = byAccount(after);
        TreeSet<String> accounts = new TreeSet<>(was.keySet());
        accounts.addAll(is.keySet());
        List<MemberChange> changes = new ArrayList<>();
        for (String account : accounts) {
            MemberStatus from = was.get(account);
            MemberStatus to = is.get(account);
            if (from == null || to == null || !from.sameAs(to)) {
                changes.add(new MemberChange(region, account, from, to));
            }
        }
        return changes;
    }

    private static Map<String, MemberStatus> byAccount(List<Member> members) {
        return members.stream().collect(Collectors.toMap(Member::accountId, Member::status, (a, b) -> a,
                TreeMap::new));
    }

    public List<MemberChange> ofKind(MemberChange.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).toList();
    }
}
