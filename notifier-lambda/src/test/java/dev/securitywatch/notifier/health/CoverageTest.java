package dev.securitywatch.notifier.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The coverage join in {@code stackset} mode, where the StackSet's instances say which paths to expect. */
class CoverageTest {
    private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");
    private static final Duration SILENT_AFTER = Duration.ofMinutes(30);
    private static final String SECURITY = "999999999999";
    private static final Coverage.StackSetTarget TARGET = new Coverage.StackSetTarget(MemberNames.STACK_SET_NAME,
            List.of("us-east-1", "eu-west-1"));
    private static final Coverage.Configured STACKSET_ONLY = new Coverage.Configured(Optional.of(SECURITY), Map.of(),
            Optional.of(TARGET));
    private static final List<OrganizationInventory.Account> ACCOUNTS = List.of(
            new OrganizationInventory.Account("111111111111", "prod", "ACTIVE"),
            new OrganizationInventory.Account(SECURITY, "security", "ACTIVE"),
            new OrganizationInventory.Account("333333333333", "gone", "SUSPENDED"));

    private static OrganizationInventory inventory(Map<String, List<String>> enabled,
                                                   Optional<OrganizationInventory.StackSetInstances> stackSet) {
        return new OrganizationInventory(NOW.minus(Duration.ofHours(3)), ACCOUNTS, enabled, Optional.empty(),
                stackSet);
    }

    private static OrganizationInventory.StackInstance current(String account, String region) {
        return new OrganizationInventory.StackInstance(account, region, "CURRENT", "SUCCEEDED", "IN_SYNC", null);
    }

    private static PathState alive(String account, String region) {
        Instant at = NOW.minus(Duration.ofMinutes(5));
        return new PathState(new Heartbeat.Path(account, region), at, Optional.of(at), false);
    }

    @Test
    void anInstanceInUsEast1AlsoExpectsTheGlobalPath() {
        Coverage coverage = Coverage.of(SECURITY, Optional.of(inventory(Map.of(), Optional.of(
                new OrganizationInventory.StackSetInstances(MemberNames.STACK_SET_NAME, List.of(
                        current("111111111111", "us-east-1"), current(SECURITY, "eu-west-1"),
                        current("333333333333", "eu-west-1")), Optional.empty())))), STACKSET_ONLY,
                List.of(alive("111111111111", "us-east-1"), alive(SECURITY, "eu-west-1")), NOW, SILENT_AFTER,
                List.of());

        assertThat(coverage.expectedPaths()).as("a suspended account's instance expects nothing").isEqualTo(3);
        assertThat(coverage.silent()).containsExactly(new Coverage.Silent("111111111111", Heartbeat.GLOBAL,
                Optional.empty()));
        assertThat(coverage.notEnrolled()).isEmpty();
        assertThat(coverage.securityAccount().member()).isTrue();
        assertThat(coverage.stackSet()).get().extracting(Coverage.StackSet::instances).isEqualTo(Optional.of(3));
    }

    @Test
    void instancesNotReadExpectEveryActiveAccountInEveryEnabledTargetRegionAndSaySo() {
        Coverage coverage = Coverage.of(SECURITY, Optional.of(inventory(Map.of("111111111111", List.of("eu-west-1")),
                        Optional.of(new OrganizationInventory.StackSetInstances(MemberNames.STACK_SET_NAME, List.of(),
                                Optional.of("CloudFormation ListStackInstances SecurityWatch-Member failed:"
                                        + " AccessDenied"))))), STACKSET_ONLY, List.of(), NOW, SILENT_AFTER,
                List.of());

        assertThat(coverage.silent()).extracting(silent -> silent.account() + " " + silent.region()).containsExactly(
                "111111111111 eu-west-1", SECURITY + " eu-west-1", SECURITY + " global", SECURITY + " us-east-1");
        assertThat(coverage.limits()).containsExactly("StackSet instances not read: CloudFormation"
                + " ListStackInstances SecurityWatch-Member failed: AccessDenied; every active account is expected in"
                + " us-east-1, eu-west-1");
        assertThat(coverage.stackSet()).get().extracting(Coverage.StackSet::instances).isEqualTo(Optional.empty());
    }

    @Test
    void anEnabledRegionOutsideTheStackSetsListIsUnwatched() {
        Coverage coverage = Coverage.of(SECURITY, Optional.of(inventory(Map.of("111111111111",
                        List.of("eu-west-1", "ap-south-2")), Optional.of(new OrganizationInventory.StackSetInstances(
                        MemberNames.STACK_SET_NAME, List.of(current("111111111111", "eu-west-1"),
                        current(SECURITY, "eu-west-1")), Optional.empty())))), STACKSET_ONLY,
                List.of(alive("111111111111", "eu-west-1"), alive(SECURITY, "eu-west-1")), NOW, SILENT_AFTER,
                List.of());

        assertThat(coverage.unwatchedRegions()).containsExactly(new Coverage.Unwatched("111111111111",
                "ap-south-2"));
        assertThat(coverage.gaps()).isEqualTo(1);
    }

    @Test
    void withoutTheInventoryOnlyMemberStacksAreCheckedAndTheLimitSaysWhy() {
        Coverage coverage = Coverage.of(SECURITY, Optional.empty(), new Coverage.Configured(Optional.of(SECURITY),
                        Map.of(SECURITY, List.of("eu-west-1")), Optional.of(TARGET)),
                List.of(alive(SECURITY, "eu-west-1")), NOW, SILENT_AFTER, List.of());

        assertThat(coverage.gaps()).isZero();
        assertThat(coverage.expectedPaths()).isEqualTo(1);
        assertThat(coverage.limits()).containsExactly("StackSet members not known without the organization"
                + " inventory: only memberAccounts are checked");
    }

    @Test
    void aStackSetHeartbeatOlderThanSilenceDoesNotProveAMigratingPath() {
        Instant stale = NOW.minus(Duration.ofHours(2));
        PathState migrating = new PathState(new Heartbeat.Path(SECURITY, "eu-west-1"), NOW.minusSeconds(60),
                Optional.of(stale), false);
        Coverage coverage = Coverage.of(SECURITY, Optional.of(inventory(Map.of(), Optional.of(
                        new OrganizationInventory.StackSetInstances(MemberNames.STACK_SET_NAME, List.of(
                                current(SECURITY, "eu-west-1")), Optional.empty())))),
                new Coverage.Configured(Optional.of(SECURITY), Map.of(SECURITY, List.of("eu-west-1")),
                        Optional.of(TARGET)), List.of(migrating), NOW, SILENT_AFTER, List.of());

        assertThat(coverage.silent()).as("the member stack keeps the path alive").isEmpty();
        assertThat(coverage.stackSet().orElseThrow().notYetProven()).containsExactly(
                new Coverage.Unwatched(SECURITY, "eu-west-1"));
        assertThat(coverage.notEnrolled()).as("prod has no instance").extracting(
                OrganizationInventory.Account::id).containsExactly("111111111111");
    }
}
