package dev.securitywatch.hubcheck.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.testing.Snapshots;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandingFindingsTest {
    private static final String ADMIN = "999999999999";

    private final MembershipSnapshot snapshot = Snapshots.at("2026-11-20T02:00:00Z")
            .region("us-east-1",
                    "111111111111=Enabled",
                    "222222222222=Resigned",
                    "333333333333=ENABLED",
                    "444444444444=Enabled",
                    "555555555555=Invited")
            .region("ap-northeast-1", "111111111111=Enabled", "222222222222=RESIGNED")
            .org("111111111111=prod=ACTIVE",
                    "222222222222=dev=ACTIVE",
                    "333333333333=old=SUSPENDED",
                    "555555555555=new=ACTIVE",
                    "666666666666=sandbox=ACTIVE",
                    "777777777777=gone=CLOSED",
                    "888888888888=closing=PENDING_CLOSURE",
                    ADMIN + "=security=ACTIVE")
            .build();

    @Test
    void listsResignedMembersInEveryRegionWhateverTheSpelling() {
        assertThat(StandingFindings.of(snapshot, Set.of(ADMIN)).resigned())
                .extracting(f -> f.region() + " " + f.accountId() + " " + f.memberStatus())
                .containsExactly("ap-northeast-1 222222222222 RESIGNED", "us-east-1 222222222222 Resigned");
    }

    @Test
    void listsActiveOrganizationAccountsThatWereNeverEnrolledExceptTheAdministrator() {
        assertThat(StandingFindings.of(snapshot, Set.of(ADMIN)).notMembers())
                .extracting(f -> f.region() + " " + f.accountId() + " " + f.orgState())
                .containsExactly(
                        "ap-northeast-1 555555555555 ACTIVE",
                        "ap-northeast-1 666666666666 ACTIVE",
                        "us-east-1 666666666666 ACTIVE");
    }

    @Test
    void reportsTheAdministratorAsUnenrolledWhenItIsNotKnown() {
        assertThat(StandingFindings.of(snapshot, Set.of()).notMembers()).extracting(AccountFinding::accountId)
                .contains(ADMIN);
    }

    @Test
    void listsMembersOutsideTheOrganization() {
        assertThat(StandingFindings.of(snapshot, Set.of(ADMIN)).outsideOrg())
                .extracting(f -> f.region() + " " + f.accountId() + " " + f.memberStatus() + " " + f.orgState())
                .containsExactly("us-east-1 444444444444 Enabled null");
    }

    @Test
    void listsEnabledMembersWhoseAccountIsSuspendedOrClosed() {
        assertThat(StandingFindings.of(snapshot, Set.of(ADMIN)).suspendedButEnabled())
                .extracting(f -> f.region() + " " + f.accountId() + " " + f.memberStatus() + " " + f.orgState())
                .containsExactly("us-east-1 333333333333 ENABLED SUSPENDED");
    }

    @Test
    void skipsTheOrganizationChecksWhenOrganizationsWasNotRead() {
        MembershipSnapshot withoutOrg = Snapshots.at("2026-11-20T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled", "222222222222=Resigned").build();

        StandingFindings findings = StandingFindings.of(withoutOrg, Set.of());

        assertThat(findings.organizationRead()).isFalse();
        assertThat(findings.notMembers()).isEmpty();
        assertThat(findings.outsideOrg()).isEmpty();
        assertThat(findings.suspendedButEnabled()).isEmpty();
        assertThat(findings.resigned()).hasSize(1);
    }
}
