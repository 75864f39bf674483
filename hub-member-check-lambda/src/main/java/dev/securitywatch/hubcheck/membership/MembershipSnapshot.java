package dev.securitywatch.hubcheck.membership;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Security Hub membership per region at one moment, and the organization's accounts when they were read.
 * Members are sorted by account id and regions by name, so equal memberships serialise to equal files.
 *
 * @param takenAt      when the membership was read; empty only for a legacy snapshot of unknown date
 * @param regions      region → members, as {@code ListMembers(OnlyAssociated=false)} returned them
 * @param organization the organization's accounts, empty when Organizations was not read
 */
public record MembershipSnapshot(Optional<Instant> takenAt, Map<String, List<Member>> regions,
                                 Optional<List<OrgAccount>> organization) {

    public MembershipSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(organization, "organization");
        Map<String, List<Member>> sorted = new TreeMap<>();
        regions.forEach((region, members) -> sorted.put(region, sortedUnique(members, Member::accountId)));
        regions = Collections.unmodifiableMap(sorted);
        organization = organization.map(accounts -> sortedUnique(accounts, OrgAccount::accountId));
    }

    public static MembershipSnapshot of(Instant takenAt, Map<String, List<Member>> regions,
                                        List<OrgAccount> organizationOrNull) {
        return new MembershipSnapshot(Optional.of(takenAt), regions, Optional.ofNullable(organizationOrNull));
    }

    public List<Member> members(String region) {
        return regions.getOrDefault(region, List.of());
    }

    /** Account id → organization account, empty when Organizations was not read. */
    public Map<String, OrgAccount> organizationById() {
        Map<String, OrgAccount> byId = new LinkedHashMap<>();
        organization.ifPresent(accounts -> accounts.forEach(account -> byId.put(account.accountId(), account)));
        return byId;
    }

    /** The first row wins when an account is listed twice: a duplicate never counts as a second member. */
    private static <T> List<T> sortedUnique(List<T> rows, Function<T, String> accountId) {
        Map<String, T> byId = new TreeMap<>();
        rows.forEach(row -> byId.putIfAbsent(accountId.apply(row), row));
        return byId.values().stream().sorted(Comparator.comparing(accountId)).toList();
    }
}
