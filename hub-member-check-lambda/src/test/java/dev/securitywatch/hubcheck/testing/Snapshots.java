package dev.securitywatch.hubcheck.testing;

import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact test snapshots:
 * {@code at("...").region("us-east-1", "111111111111=Enabled").org("111111111111=prod=ACTIVE")}.
 */
public final class Snapshots {
    private final Instant takenAt;
    private final Map<String, List<Member>> regions = new LinkedHashMap<>();
    private List<OrgAccount> organization;

    private Snapshots(Instant takenAt) {
        this.takenAt = takenAt;
    }

    public static Snapshots at(String takenAt) {
        return new Snapshots(Instant.parse(takenAt));
    }

    /** Members as {@code accountId=Status}. */
    public Snapshots region(String region, String... members) {
        regions.put(region, Arrays.stream(members).map(Snapshots::member).toList());
        return this;
    }

    /** Accounts as {@code accountId=name=STATE} (empty name for none). */
    public Snapshots org(String... accounts) {
        organization = new ArrayList<>();
        for (String account : accounts) {
            String[] parts = account.split("=", -1);
            organization.add(new OrgAccount(parts[0], parts[1], parts[2]));
        }
        return this;
    }

    public MembershipSnapshot build() {
        return MembershipSnapshot.of(takenAt, regions, organization);
    }

    public static Member member(String spec) {
        String[] parts = spec.split("=");
        return new Member(parts[0], new MemberStatus(parts[1]));
    }
}
