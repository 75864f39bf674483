package dev.securitywatch.hubcheck.snapshot;

import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A snapshot as read from storage: the current multi-region format, or the original stack's single-region file. */
public sealed interface StoredSnapshot {

    /**
     * The region-aware snapshot. A legacy file names no region: it belongs to the region of the snapshot it is
     * compared with when that one has exactly one region, and otherwise to the central region.
     */
    MembershipSnapshot resolveAgainst(MembershipSnapshot other, Supplier<String> centralRegion);

    /** {@code {"takenAt": ..., "regions": {...}, "organization": [...]}}. */
    record Current(MembershipSnapshot snapshot) implements StoredSnapshot {
        @Override
        public MembershipSnapshot resolveAgainst(MembershipSnapshot other, Supplier<String> centralRegion) {
            return snapshot;
        }
    }

    /** The original stack's {@code {"Enabled": [ids], "Invited": [ids], "Resigned": [ids]}}, with no date inside. */
    record Legacy(Map<MemberStatus, List<String>> accountsByStatus, Optional<Instant> takenAt)
            implements StoredSnapshot {

        public Legacy {
            accountsByStatus = Map.copyOf(accountsByStatus);
        }

        @Override
        public MembershipSnapshot resolveAgainst(MembershipSnapshot other, Supplier<String> centralRegion) {
            String region = other != null && other.regions().size() == 1
                    ? other.regions().keySet().iterator().next()
                    : centralRegion.get();
            return inRegion(region);
        }

        public MembershipSnapshot inRegion(String region) {
            List<Member> members = new ArrayList<>();
            accountsByStatus.forEach((status, ids) -> ids.forEach(id -> members.add(new Member(id, status))));
            return new MembershipSnapshot(takenAt, Map.of(region, members), Optional.empty());
        }
    }

    /**
     * Resolves two stored snapshots for comparison. Two legacy files both fall back to the central region.
     * {@code centralRegion} is asked only when a legacy file needs it.
     */
    static Pair resolvePair(StoredSnapshot previous, StoredSnapshot current, Supplier<String> centralRegion) {
        MembershipSnapshot resolvedCurrent = current.resolveAgainst(
                previous instanceof Current modern ? modern.snapshot() : null, centralRegion);
        MembershipSnapshot resolvedPrevious = previous.resolveAgainst(resolvedCurrent, centralRegion);
        return new Pair(resolvedPrevious, resolvedCurrent);
    }

    record Pair(MembershipSnapshot previous, MembershipSnapshot current) {
    }
}
