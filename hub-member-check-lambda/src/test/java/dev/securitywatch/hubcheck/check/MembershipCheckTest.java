package dev.securitywatch.hubcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import dev.securitywatch.hubcheck.report.Baseline;
import dev.securitywatch.hubcheck.report.SectionBudget;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import dev.securitywatch.hubcheck.snapshot.SnapshotKeys;
import dev.securitywatch.hubcheck.snapshot.StoredSnapshot;
import dev.securitywatch.hubcheck.testing.InMemorySnapshotStore;
import dev.securitywatch.hubcheck.testing.RecordingPublisher;
import dev.securitywatch.hubcheck.testing.SlackText;
import dev.securitywatch.hubcheck.testing.Snapshots;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackInstance;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackSetInstances;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipCheckTest {
    private static final String ADMIN = "999999999999";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Monday 2026-11-23 11:00 in Tokyo. */
    private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    private static final String FRIDAY_KEY = "snapshots/2026/11/20/2026-11-20T02:00:00Z.json";
    private static final String THURSDAY_KEY = "snapshots/2026/11/19/2026-11-19T02:00:00Z.json";

    private final SnapshotCodec codec = new SnapshotCodec(new ObjectMapper());
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Map<String, List<Member>> hub = new HashMap<>();
    private final Set<String> failingRegions = new java.util.HashSet<>();
    private List<OrgAccount> organization = List.of(new OrgAccount("111111111111", "prod", "ACTIVE"),
            new OrgAccount("222222222222", "dev", "ACTIVE"), new OrgAccount(ADMIN, "security", "ACTIVE"));
    private boolean organizationFails;
    private final Map<String, String> regionFailures = new HashMap<>();
    private final List<String> regionReads = new java.util.ArrayList<>();
    private Optional<StackSetInstancesSource> stackSet = Optional.empty();
    private int stackSetReads;

    @Test
    void writesTheOrganizationsInventoryWithTheEnabledRegionsOfItsActiveAccounts() {
        organization = List.of(new OrgAccount("111111111111", "prod", "ACTIVE"),
                new OrgAccount("222222222222", "old", "SUSPENDED"), new OrgAccount(ADMIN, "security", "ACTIVE"));
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        OrganizationInventory inventory = inventory();
        assertThat(inventory.readAt()).isEqualTo(MONDAY);
        assertThat(inventory.accounts()).extracting(a -> a.id() + " " + a.state())
                .containsExactly("111111111111 ACTIVE", "222222222222 SUSPENDED", ADMIN + " ACTIVE");
        assertThat(regionReads).containsExactly("111111111111", ADMIN);
        assertThat(inventory.enabledRegions()).containsOnlyKeys("111111111111", ADMIN);
        assertThat(inventory.enabledRegionsUnreadable()).isEmpty();
    }

    @Test
    void aFirstAccountWhoseRegionsCannotBeReadStopsTheReadsAndSaysWhy() {
        regionFailures.put("111111111111", "Account ListRegions for 111111111111 failed: AccessDeniedException");
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(regionReads).isEmpty();
        assertThat(inventory().enabledRegions()).isEmpty();
        assertThat(inventory().enabledRegionsUnreadable())
                .contains("Account ListRegions for 111111111111 failed: AccessDeniedException");
        assertThat(inventory().accounts()).hasSize(3);
    }

    @Test
    void aLaterAccountWhoseRegionsCannotBeReadIsCountedAndTheRestAreRead() {
        regionFailures.put("222222222222", "Account ListRegions for 222222222222 failed: AccountNotFound");
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(inventory().enabledRegions()).containsOnlyKeys("111111111111", ADMIN);
        assertThat(inventory().enabledRegionsUnreadable()).contains("1 of 3 accounts, first: Account ListRegions"
                + " for 222222222222 failed: AccountNotFound");
    }

    @Test
    void inStacksetModeTheInventoryCarriesTheStackSetsInstancesAsRead() {
        StackInstance drifted = new StackInstance("111111111111", "us-east-1", "CURRENT", "SUCCEEDED", "DRIFTED",
                null);
        StackInstance failed = new StackInstance("222222222222", "eu-west-1", "OUTDATED", "FAILED", "NOT_CHECKED",
                "Account 222222222222 should have 'AWSCloudFormationStackSetExecutionRole' role");
        stackSet = Optional.of(() -> new StackSetInstances("SecurityWatch-Member", List.of(failed, drifted),
                Optional.empty()));
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        StackSetInstances written = inventory().stackSet().orElseThrow();
        assertThat(written.name()).isEqualTo("SecurityWatch-Member");
        assertThat(written.instances()).containsExactly(drifted, failed);
        assertThat(written.unreadable()).isEmpty();
        assertThat(stackSetReads).isEqualTo(1);
    }

    @Test
    void aStackSetThatCannotBeReadIsNotedInTheInventoryAndTheRunGoesOn() {
        stackSet = Optional.of(StackSetInstancesSource.unreadable("SecurityWatch-Member",
                "CloudFormation ListStackInstances SecurityWatch-Member failed: AccessDenied (HTTP 403)"));
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(inventory().stackSet()).contains(new StackSetInstances("SecurityWatch-Member", List.of(),
                Optional.of("CloudFormation ListStackInstances SecurityWatch-Member failed: AccessDenied (HTTP 403)")));
        assertThat(inventory().accounts()).hasSize(3);
        assertThat(inventory().enabledRegions()).hasSize(3);
        assertThat(store.objects()).containsKey(outcome.snapshotKey().orElseThrow());
        assertThat(outcome.report().problems()).as("the coverage check reports it, not the membership report")
                .isEmpty();
    }

    @Test
    void inStacksModeTheInventoryHasNoStackSetSection() {
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(store.objects().get(OrganizationInventory.KEY)).doesNotContain("stackSet");
        assertThat(inventory().stackSet()).isEmpty();
    }

    @Test
    void theStackSetIsReadOnlyForAnInventory() {
        stackSet = Optional.of(() -> new StackSetInstances("SecurityWatch-Member", List.of(), Optional.empty()));
        organizationFails = true;
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));
        check(List.of("us-east-1"), false, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(stackSetReads).isZero();
    }

    @Test
    void noInventoryIsWrittenWhenTheOrganizationCannotBeReadSoTheLastGoodOneStays() {
        store.put(OrganizationInventory.KEY, "previous");
        organizationFails = true;
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(store.objects().get(OrganizationInventory.KEY)).isEqualTo("previous");
        assertThat(regionReads).isEmpty();
    }

    @Test
    void anInventoryThatCannotBeWrittenIsAProblemInTheReport() {
        store.writesFail();
        members("us-east-1", "111111111111=Enabled");

        assertThatThrownBy(() -> check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN)))
                .isInstanceOf(CheckFailedException.class);

        assertThat(SlackText.all(publisher.last())).contains("Organization inventory write to"
                + " s3://snapshots-bucket/organization/inventory.json: S3 PutObject failed: AccessDenied");
    }

    @Test
    void theFirstRunWritesTheSnapshotAndReportsTheFullStateAsTheBaseline() {
        members("us-east-1", "111111111111=Enabled", "222222222222=Resigned");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        String key = "snapshots/2026/11/23/2026-11-23T02:00:00Z.json";
        assertThat(outcome.snapshotKey()).contains(key);
        assertThat(snapshotKeys()).containsExactly(key);
        assertThat(outcome.report().baseline()).isInstanceOf(Baseline.FirstRun.class);
        String text = SlackText.all(publisher.last());
        assertThat(text).contains("Security Hub membership · 2026-11-23 (Mon)", "First snapshot",
                "Current membership (baseline)", "• us-east-1: 1 Enabled · 1 Resigned",
                "`111111111111` (prod): Enabled · us-east-1", "*Resigned* · 1 account");
    }

    @Test
    void mondayComparesWithFridayAcrossTheWeekendGap() {
        stored(THURSDAY_KEY, Snapshots.at("2026-11-19T02:00:00Z").region("us-east-1", "111111111111=Created"));
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=Invited"));
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().baseline()).isEqualTo(new Baseline.Compared(FRIDAY_KEY,
                Optional.of(Instant.parse("2026-11-20T02:00:00Z")), false, Map.of()));
        assertThat(SlackText.all(publisher.last())).contains(
                "Compared with the snapshot of 2026-11-20 11:00 JST",
                "*Transitions* · 1 account\n• `111111111111` (prod): Invited → Enabled · us-east-1");
    }

    @Test
    void saysNoChangeWhenOnlyTheSpellingChanged() {
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=ENABLED"));
        members("us-east-1", "111111111111=Enabled");

        check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(SlackText.all(publisher.last())).contains("*No change*").doesNotContain("Transitions");
        assertThat(publisher.last().text())
                .isEqualTo("Security Hub membership 2026-11-23: no change, 0 resigned, 1 not enrolled");
    }

    @Test
    void aCorruptPreviousSnapshotIsReportedAndNeverBlocksTheCurrentOne() {
        store.put(FRIDAY_KEY, "{\"takenAt\": \"2026-11-20T02:00:00Z\", \"regions\": ");
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.snapshotKey()).isPresent();
        assertThat(store.objects()).containsKey(outcome.snapshotKey().get());
        assertThat(outcome.report().baseline()).isInstanceOf(Baseline.Unreadable.class);
        assertThat(SlackText.all(publisher.last())).contains("The previous snapshot " + FRIDAY_KEY
                + " could not be read (not valid JSON (line 1, column 48)), so this run is a new baseline");
    }

    @Test
    void anUnreadablePreviousSnapshotIsReportedAndTheRunIsABaseline() {
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=Invited"));
        store.unreadable(FRIDAY_KEY);
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().baseline()).isEqualTo(new Baseline.Unreadable(FRIDAY_KEY,
                "S3 GetObject failed: AccessDenied (HTTP 403): Access Denied"));
        assertThat(snapshotKeys()).hasSize(2);
    }

    @Test
    void aFailedListingIsReportedAndTheSnapshotIsStillWritten() {
        store.listingFails();
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().baseline()).isInstanceOf(Baseline.Unreadable.class);
        assertThat(store.objects()).containsKey(outcome.snapshotKey().orElseThrow());
    }

    @Test
    void aRegionThatCannotBeReadIsReportedWhileTheOthersAreSnapshotted() {
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled").region("eu-west-1", "111111111111=Enabled"));
        members("us-east-1", "111111111111=Enabled");
        failingRegions.add("eu-west-1");

        CheckOutcome outcome = check(List.of("us-east-1", "eu-west-1"), true, MONDAY)
                .run(Optional.empty(), Set.of(ADMIN));

        assertThat(written(outcome).regions()).containsOnlyKeys("us-east-1");
        assertThat(outcome.report().problems()).extracting(p -> p.subject() + ": " + p.detail()).containsExactly(
                "Security Hub eu-west-1: Security Hub ListMembers in eu-west-1 failed: InvalidAccessException");
        assertThat(SlackText.all(publisher.last())).contains("Could not complete",
                "Not compared: eu-west-1 (in the previous snapshot, not in this one).");
    }

    @Test
    void aRegionMissingFromTheLatestSnapshotIsComparedWithTheNewestOlderOneThatHasIt() {
        stored("snapshots/2026/11/18/2026-11-18T02:00:00Z.json", Snapshots.at("2026-11-18T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled").region("eu-west-1", "111111111111=Enabled"));
        stored(THURSDAY_KEY, Snapshots.at("2026-11-19T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled").region("eu-west-1", "111111111111=Invited"));
        store.put("snapshots/2026/11/19/2026-11-19T09:00:00Z.json", "corrupt");
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=Enabled"));
        members("us-east-1", "111111111111=Enabled");
        members("eu-west-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1", "eu-west-1"), true, MONDAY)
                .run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().baseline()).isEqualTo(new Baseline.Compared(FRIDAY_KEY,
                Optional.of(Instant.parse("2026-11-20T02:00:00Z")), false,
                Map.of("eu-west-1", Instant.parse("2026-11-19T02:00:00Z"))));
        assertThat(outcome.report().diff().changes()).extracting(c -> c.region() + " " + c.from() + " " + c.to())
                .containsExactly("eu-west-1 Invited Enabled");
        assertThat(outcome.report().diff().newRegions()).isEmpty();
        assertThat(SlackText.all(publisher.last())).contains("Compared with the snapshot of 2026-11-20 11:00 JST"
                + " · eu-west-1 compared with the snapshot of 2026-11-19 11:00 JST (missing from the latest)");
    }

    @Test
    void aRegionNoEarlierSnapshotHasIsABaselineForThatRegion() {
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=Enabled"));
        members("us-east-1", "111111111111=Enabled");
        members("eu-west-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1", "eu-west-1"), true, MONDAY)
                .run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().diff().newRegions()).containsExactly("eu-west-1");
        assertThat(SlackText.all(publisher.last())).contains("*First snapshot of eu-west-1 (baseline)*");
    }

    @Test
    void whenNoRegionCanBeReadItReportsWritesNothingAndFails() {
        failingRegions.add("us-east-1");

        assertThatThrownBy(() -> check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN)))
                .isInstanceOf(CheckFailedException.class)
                .hasMessage("no region could be read, so no snapshot was written");
        assertThat(snapshotKeys()).isEmpty();
        assertThat(SlackText.all(publisher.last())).contains("Security Hub us-east-1");
    }

    @Test
    void aSnapshotThatCannotBeWrittenIsReportedAndFailsTheRun() {
        store.writesFail();
        members("us-east-1", "111111111111=Enabled");

        assertThatThrownBy(() -> check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN)))
                .isInstanceOf(CheckFailedException.class)
                .hasMessage("the snapshot could not be written");
        assertThat(SlackText.all(publisher.last())).contains("Snapshot write to s3://snapshots-bucket/snapshots/"
                + "2026/11/23/2026-11-23T02:00:00Z.json: S3 PutObject failed: AccessDenied");
    }

    @Test
    void aFailedDeliveryFailsTheRunAfterTheSnapshotIsWritten() {
        members("us-east-1", "111111111111=Enabled");
        publisher.failing();

        assertThatThrownBy(() -> check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN)))
                .isInstanceOf(DependencyFailure.class);
        assertThat(snapshotKeys()).hasSize(1);
    }

    @Test
    void aRetryOfTheSameScheduledRunReportsTheSameChangesAgain() {
        stored(FRIDAY_KEY, Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=Invited"));
        members("us-east-1", "111111111111=Enabled");
        publisher.failing();
        Instant scheduled = MONDAY;
        assertThatThrownBy(() -> check(List.of("us-east-1"), true, scheduled.plusSeconds(4))
                .run(Optional.of(scheduled), Set.of(ADMIN))).isInstanceOf(DependencyFailure.class);

        RecordingPublisher retryPublisher = new RecordingPublisher();
        CheckOutcome retry = new MembershipCheck(settings(List.of("us-east-1"), true), this::listMembers,
                Optional.of(this::listAccounts), this::listRegions, stackSet, store, retryPublisher, codec,
                new SlackReportRenderer(SectionBudget.DEFAULT), Clock.fixed(scheduled.plusSeconds(180),
                ZoneOffset.UTC)).run(Optional.of(scheduled), Set.of(ADMIN));

        assertThat(retry.report().baseline()).isInstanceOf(Baseline.Compared.class)
                .extracting(b -> ((Baseline.Compared) b).key()).isEqualTo(FRIDAY_KEY);
        assertThat(SlackText.all(retryPublisher.last())).contains("Invited → Enabled");
        assertThat(snapshotKeys()).hasSize(3);
    }

    @Test
    void fallsBackToTheOriginalStacksFilesWhenThereIsNoNewerSnapshot() {
        store.put("memberLog/20261119.json", "{\"Enabled\":[\"111111111111\"],\"Invited\":[\"222222222222\"]}");
        store.put("memberLog/20261120.json", "{\"Enabled\":[\"111111111111\",\"222222222222\"]}");
        members("ap-northeast-1", "111111111111=Enabled", "222222222222=Enabled");

        CheckOutcome outcome = check(List.of("ap-northeast-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().baseline()).isEqualTo(new Baseline.Compared("memberLog/20261120.json",
                Optional.of(Instant.parse("2026-11-20T00:00:00Z")), true, Map.of()));
        assertThat(outcome.report().diff().changes()).isEmpty();
        assertThat(SlackText.all(publisher.last()))
                .contains("Compared with the legacy snapshot memberLog/20261120.json");
    }

    @Test
    void aLegacyFileBelongsToTheCentralRegionWhenSeveralRegionsAreWatched() {
        store.put("memberLog/20261120.json", "{\"Enabled\":[\"111111111111\"]}");
        members("us-east-1", "111111111111=Invited");
        members("ap-northeast-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1", "ap-northeast-1"), true, MONDAY)
                .run(Optional.empty(), Set.of(ADMIN));

        assertThat(outcome.report().diff().changes()).extracting(c -> c.region() + " " + c.from() + " " + c.to())
                .containsExactly("us-east-1 Enabled Invited");
        assertThat(outcome.report().diff().newRegions()).containsExactly("ap-northeast-1");
    }

    @Test
    void anOrganizationThatCannotBeReadIsReportedAndLeftOutOfTheSnapshot() {
        organizationFails = true;
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(written(outcome).organization()).isEmpty();
        assertThat(SlackText.all(publisher.last())).contains("Organizations not checked",
                "• Organizations: Organizations ListAccounts failed: AccessDeniedException");
    }

    @Test
    void crossChecksTheOrganizationWhenItIsRead() {
        organization = List.of(new OrgAccount("111111111111", "prod", "SUSPENDED"),
                new OrgAccount("222222222222", "dev", "ACTIVE"), new OrgAccount(ADMIN, "security", "ACTIVE"));
        members("us-east-1", "111111111111=Enabled", "333333333333=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), true, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(written(outcome).organization()).isPresent();
        assertThat(SlackText.all(publisher.last())).contains(
                "*Organization accounts not enrolled in Security Hub* · 1 account\n"
                        + "• `222222222222` (dev) · us-east-1",
                "*Members outside the organization* · 1 account\n• `333333333333`: Enabled · us-east-1",
                "*Enabled in Security Hub but suspended or closed* · 1 account\n"
                        + "• `111111111111` (prod): Enabled, SUSPENDED in Organizations · us-east-1");
    }

    @Test
    void leavesOrganizationsAloneWhenSwitchedOff() {
        members("us-east-1", "111111111111=Enabled");

        CheckOutcome outcome = check(List.of("us-east-1"), false, MONDAY).run(Optional.empty(), Set.of(ADMIN));

        assertThat(written(outcome).organization()).isEmpty();
        assertThat(SlackText.all(publisher.last())).contains("Organizations not checked")
                .doesNotContain("not enrolled");
    }

    private MembershipCheck check(List<String> regions, boolean readOrganizations, Instant now) {
        return new MembershipCheck(settings(regions, readOrganizations), this::listMembers,
                readOrganizations ? Optional.of(this::listAccounts) : Optional.empty(), this::listRegions,
                stackSet.map(this::counted), store, publisher, codec,
                new SlackReportRenderer(SectionBudget.DEFAULT), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static CheckSettings settings(List<String> regions, boolean readOrganizations) {
        return new CheckSettings(regions, "us-east-1", readOrganizations, TOKYO, Map.of());
    }

    private List<Member> listMembers(String region) {
        if (failingRegions.contains(region)) {
            throw new DependencyFailure("Security Hub ListMembers in " + region + " failed: InvalidAccessException",
                    null);
        }
        return hub.getOrDefault(region, List.of());
    }

    private List<OrgAccount> listAccounts() {
        if (organizationFails) {
            throw new DependencyFailure("Organizations ListAccounts failed: AccessDeniedException", null);
        }
        return organization;
    }

    private List<String> listRegions(String account) {
        if (regionFailures.containsKey(account)) {
            throw new DependencyFailure(regionFailures.get(account), null);
        }
        regionReads.add(account);
        return List.of("us-east-1", "eu-west-1");
    }

    private StackSetInstancesSource counted(StackSetInstancesSource source) {
        return () -> {
            stackSetReads++;
            return source.read();
        };
    }

    private List<String> snapshotKeys() {
        return store.keys(SnapshotKeys.PREFIX);
    }

    private OrganizationInventory inventory() {
        return new OrganizationInventoryJson(new ObjectMapper()).read(store.objects().get(OrganizationInventory.KEY));
    }

    private void members(String region, String... specs) {
        hub.put(region, Arrays.stream(specs).map(Snapshots::member).toList());
    }

    private void stored(String key, Snapshots snapshot) {
        store.put(key, codec.write(snapshot.build()));
    }

    private dev.securitywatch.hubcheck.membership.MembershipSnapshot written(CheckOutcome outcome) {
        return ((StoredSnapshot.Current) codec.read(store.objects().get(outcome.snapshotKey().orElseThrow()),
                Optional.empty())).snapshot();
    }
}
