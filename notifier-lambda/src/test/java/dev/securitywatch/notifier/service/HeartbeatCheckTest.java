package dev.securitywatch.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.bucket.InMemoryCoverageReports;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
import dev.securitywatch.notifier.dedup.DynamoDbHeartbeatStore;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.dedup.InMemoryThreadStore;
import dev.securitywatch.notifier.suppress.NoiseRules;
import dev.securitywatch.notifier.support.Bursts;
import dev.securitywatch.notifier.support.Golden;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import dev.securitywatch.notifier.support.MovableClock;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.lambdakit.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.securitywatch.notifier.health.Coverage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Heartbeats through the notification service: recorded, never posted; the scheduled check reports silence once and
 * recovery once. The real service, the heartbeat table and the ledger on DynamoDB Local, a recording outbox.
 */
class HeartbeatCheckTest {
    private static final String SG_EVENT = "sns/derived/sns-eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private final NotificationServiceTest.RecordingOutbox outbox = new NotificationServiceTest.RecordingOutbox();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T04:50:00Z"));
    private NotificationService service;
    private String table;
    private LogCapture logs;

    @BeforeEach
    void start() {
        table = "health-" + TABLES.incrementAndGet();
        dynamoDb.createTable(table);
        service = service(table);
        logs = LogCapture.start();
    }

    @AfterEach
    void stop() {
        logs.close();
    }

    private NotificationService service(String heartbeatTable) {
        return service(heartbeatTable, Coverage.Configured.NONE);
    }

    private NotificationService service(String heartbeatTable, Coverage.Configured configured) {
        return service(heartbeatTable, configured, new InMemoryCoverageReports(Optional.empty()));
    }

    private NotificationService service(String heartbeatTable, Coverage.Configured configured,
                                        CoverageReports reports) {
        return new NotificationService(Rendering.RENDERER, Rendering.LAYOUT, new DynamoDbDeliveryLedger(
                dynamoDb.client(), table, Duration.ofMinutes(3), Duration.ofDays(14)), outbox, new NotifierLog(),
                new NoiseRules(false, Suppressions.NONE), new InMemorySuppressionTally(),
                new BurstPlanner(BurstPlanner.DEFAULT_THRESHOLD),
                new SummaryAlert(Rendering.SETTINGS, BurstPlanner.DEFAULT_THRESHOLD),
                new Threading(new InMemoryThreadStore(), Duration.ofHours(24), Duration.ofMinutes(15)),
                Rendering.heartbeats(new DynamoDbHeartbeatStore(dynamoDb.client(), heartbeatTable), configured,
                        reports), Rendering.firstSeenOff(), clock);
    }

    private static InboundMessage heartbeat(String region, String at) {
        return heartbeat(MemberNames.STACKS, "112233445566", region, at);
    }

    /** The canary's parameter write of a per-account stack or of the StackSet, as CloudTrail records it. */
    private static InboundMessage heartbeat(MemberNames member, String account, String region, String at) {
        String json = "{\"eventVersion\":\"1.08\",\"eventID\":\"hb-" + account + region + member + at + "\","
                + "\"eventTime\":\"" + at + "\",\"eventSource\":\"ssm.amazonaws.com\",\"eventName\":\"PutParameter\","
                + "\"awsRegion\":\"" + region + "\",\"recipientAccountId\":\"" + account + "\",\"userIdentity\":{"
                + "\"type\":\"AssumedRole\",\"accountId\":\"" + account + "\",\"sessionContext\":{\"sessionIssuer\":{"
                + "\"type\":\"Role\",\"userName\":\"" + member.canaryRole(region) + "\"}}},"
                + "\"requestParameters\":{\"name\":\"" + member.canaryParameter() + "\",\"overwrite\":true}}";
        return Rendering.parse(json).get(0);
    }

    private BatchResult deliver(InboundMessage... messages) {
        return service.handle(Bursts.records("r", List.of(messages)), Deadline.after(Duration.ofSeconds(30)));
    }

    private BatchResult check() {
        return service.checkHeartbeats(Deadline.after(Duration.ofSeconds(30))).result();
    }

    @Test
    void heartbeatsAreRecordedAndNeverPosted() {
        List<InboundMessage> batch = new ArrayList<>(List.of(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"),
                heartbeat("us-east-1", "2026-12-04T04:45:01Z")));
        batch.addAll(Rendering.parse(AcceptanceData.text(SG_EVENT)));

        BatchResult result = deliver(batch.toArray(InboundMessage[]::new));

        assertThat(outbox.sent).as("the security-group change only").hasSize(1);
        assertThat(result.events()).isEqualTo(1);
        assertThat(result.retryRecords()).isEmpty();
        assertThat(check().posts()).as("both paths are alive").isZero();
        assertThat(logs.text()).contains("heartbeats recorded");
    }

    @Test
    void aPathThatGoesSilentIsReportedOnceAndItsRecoveryOnce() throws Exception {
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"), heartbeat("us-east-1", "2026-12-04T04:45:00Z"));
        clock.set(Instant.parse("2026-12-04T05:15:00Z"));
        deliver(heartbeat("us-east-1", "2026-12-04T05:00:00Z"));
        assertThat(check().posts()).as("30 minutes is one interval late, not yet silent").isZero();

        clock.set(Instant.parse("2026-12-04T05:16:00Z"));
        HeartbeatCheck state = service.checkHeartbeats(Deadline.after(Duration.ofSeconds(30)));
        BatchResult silent = state.result();
        BatchResult again = check();
        assertThat(state.paths()).isEqualTo(2);
        assertThat(state.silent()).isEqualTo(1);
        assertThat(state.oldestHeartbeatMinutes()).isEqualTo(31);

        assertThat(silent.posts()).isEqualTo(1);
        assertThat(again.posts()).as("reported already").isZero();
        OutboundMessage message = outbox.posted.get(0);
        assertThat(message.slack().text()).contains("No heartbeat from prod (112233445566) ap-northeast-1");
        assertThat(message.alert().category()).contains("health");
        String json = PayloadChecks.assertValid(message.slack().json()).toString();
        Golden.assertMatches("health-silent-path", Rendering.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Rendering.MAPPER.readTree(json)) + "\n");

        deliver(heartbeat("ap-northeast-1", "2026-12-04T05:20:00Z"));
        clock.set(Instant.parse("2026-12-04T05:30:00Z"));
        BatchResult recovered = check();

        assertThat(recovered.posts()).isEqualTo(1);
        assertThat(outbox.posted.get(1).slack().text()).contains("Security Watch hears from prod (112233445566)"
                + " ap-northeast-1 again");
        assertThat(check().posts()).isZero();
    }

    @Test
    void aSilentPathLastHeardFromTheStackSetSaysSo() {
        deliver(heartbeat(MemberNames.STACKSET, "112233445566", "ap-northeast-1", "2026-12-04T04:00:00Z"),
                heartbeat("eu-west-1", "2026-12-04T04:00:00Z"));

        assertThat(check().posts()).isEqualTo(1);

        assertThat(outbox.posted.get(0).plainBody())
                .contains("prod (112233445566) ap-northeast-1 · last heartbeat", "50 min ago, from the StackSet)")
                .contains("50 min ago)\n").contains("/security-watch/canary-org");
    }

    @Test
    void aFailedReportIsReportedAgainByTheRetry() {
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:00:00Z"));
        outbox.failures.add(new DeliveryException(DeliveryException.Kind.EXHAUSTED, "http_503", 5, 0, "503"));

        BatchResult failed = check();
        BatchResult retried = check();

        assertThat(failed.failed()).isTrue();
        assertThat(retried.posts()).isEqualTo(1);
        assertThat(check().posts()).isZero();
    }

    @Test
    void heartbeatsThatCannotBeRecordedGoBackToTheQueue() {
        service = service("no-such-table");

        BatchResult result = deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"));

        assertThat(result.retryRecords()).containsExactly("r-0");
        assertThat(logs.text()).contains("heartbeat store unavailable", "no-such-table");
        assertThat(check().failed()).as("the check cannot read the store either").isTrue();
    }

    @Test
    void theDailyCoverageJoinsTheOrganizationNamesEveryGapKeepsTheReportAndRepeatsNextDay() throws Exception {
        InMemoryCoverageReports reports = new InMemoryCoverageReports(Optional.of(new OrganizationInventory(
                Instant.parse("2026-12-04T02:00:00Z"), List.of(account("112233445566", "prod", "ACTIVE"),
                        account("999999999999", "security", "ACTIVE"), account("444455556666", "sandbox", "ACTIVE"),
                        account("777788889999", "closed", "SUSPENDED")),
                Map.of("112233445566", List.of("us-east-1", "ap-northeast-1", "eu-central-1")), Optional.empty())));
        service = service(table, new Coverage.Configured(Optional.of("999999999999"), Map.of(
                "112233445566", List.of("us-east-1", "ap-northeast-1")), Optional.empty()), reports);
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"));

        BatchResult first = service.checkCoverage(Deadline.after(Duration.ofSeconds(30)));
        BatchResult sameDay = service.checkCoverage(Deadline.after(Duration.ofSeconds(30)));

        assertThat(first.posts()).isEqualTo(1);
        assertThat(sameDay.duplicates()).as("one message a day").isEqualTo(1);
        OutboundMessage message = outbox.posted.get(0);
        assertThat(message.plainBody()).contains("Never sent a heartbeat", "prod (112233445566) us-east-1",
                "prod (112233445566) global services", "999999999999 is not a member account",
                "Enabled regions with no member stack", "prod (112233445566) eu-central-1",
                "Accounts of the organization not enrolled", "sandbox (444455556666)")
                .doesNotContain("prod (112233445566) ap-northeast-1", "777788889999", "Not checked");
        String json = PayloadChecks.assertValid(message.slack().json()).toString();
        Golden.assertMatches("health-coverage", Rendering.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Rendering.MAPPER.readTree(json)) + "\n");
        assertThat(logs.text()).contains("coverage: 5 gap(s)", "coverage/2026/12/04.json");
        JsonNode report = Rendering.MAPPER.readTree(reports.reports().get("coverage/latest.json"));
        assertThat(report.path("gaps").asInt()).isEqualTo(5);
        assertThat(report.path("organization").path("readAt").asText()).isEqualTo("2026-12-04T02:00:00Z");
        assertThat(report.path("notEnrolled").get(0).path("account").asText()).isEqualTo("444455556666");
        assertThat(report.path("unwatchedRegions").toString()).contains("eu-central-1");
        assertThat(report.path("suspendedOrClosedSkipped").asInt()).isEqualTo(1);
        assertThat(reports.reports()).containsKey("coverage/2026/12/04.json");

        clock.set(Instant.parse("2026-12-05T04:50:00Z"));
        assertThat(service.checkCoverage(Deadline.after(Duration.ofSeconds(30))).posts())
                .as("still a gap the next day: said again").isEqualTo(1);
        assertThat(reports.reports()).containsKey("coverage/2026/12/05.json");
    }

    @Test
    void anInventoryTheMembershipWatchStoppedWritingIsAGap() {
        InMemoryCoverageReports reports = new InMemoryCoverageReports(Optional.of(new OrganizationInventory(
                Instant.parse("2026-11-29T02:00:00Z"), List.of(account("112233445566", "prod", "ACTIVE")),
                Map.of(), Optional.of("Account ListRegions for 112233445566 failed: AccessDeniedException"))));
        service = service(table, new Coverage.Configured(Optional.of("112233445566"), Map.of(
                "112233445566", List.of("ap-northeast-1")), Optional.empty()), reports);
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"));

        assertThat(service.checkCoverage(Deadline.after(Duration.ofSeconds(30))).posts()).isEqualTo(1);

        assertThat(outbox.posted.get(0).slack().json()).contains("Coverage: 1 gap in what");
        assertThat(outbox.posted.get(0).plainBody()).contains(
                "the membership watch has not read the organization since", "Not checked",
                "enabled regions not read: Account ListRegions for 112233445566 failed: AccessDeniedException");
    }

    @Test
    void noInventoryIsALimitOfTheReportNotAGap() throws Exception {
        InMemoryCoverageReports reports = new InMemoryCoverageReports(Optional.empty());
        service = service(table, new Coverage.Configured(Optional.of("112233445566"), Map.of(
                "112233445566", List.of("ap-northeast-1")), Optional.empty()), reports);
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"));

        assertThat(service.checkCoverage(Deadline.after(Duration.ofSeconds(30))).posts()).isZero();

        JsonNode report = Rendering.MAPPER.readTree(reports.reports().get("coverage/latest.json"));
        assertThat(report.path("organization").isNull()).isTrue();
        assertThat(report.path("limits").get(0).asText()).startsWith("organization not read: no inventory at");
    }

    @Test
    void aReportThatCannotBeKeptFailsTheRunAfterTheAlertSoTheRetryPostsNothingTwice() {
        CoverageReports unwritable = new CoverageReports() {
            @Override
            public Optional<OrganizationInventory> inventory() {
                throw new CoverageReportsUnavailableException("S3 GetObject s3://b/organization/inventory.json"
                        + " failed: AccessDenied (HTTP 403)");
            }

            @Override
            public String save(Instant checkedAt, String json) {
                throw new CoverageReportsUnavailableException("S3 PutObject s3://b/coverage/2026/12/04.json failed:"
                        + " AccessDenied (HTTP 403)");
            }

            @Override
            public String inventoryLocation() {
                return "s3://b/organization/inventory.json";
            }
        };
        service = service(table, new Coverage.Configured(Optional.of("999999999999"), Map.of(
                "112233445566", List.of("ap-northeast-1")), Optional.empty()), unwritable);
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"));

        BatchResult result = service.checkCoverage(Deadline.after(Duration.ofSeconds(30)));
        BatchResult retry = service.checkCoverage(Deadline.after(Duration.ofSeconds(30)));

        assertThat(result.posts()).isEqualTo(1);
        assertThat(result.failures()).containsExactly("coverage report not kept: S3 PutObject"
                + " s3://b/coverage/2026/12/04.json failed: AccessDenied (HTTP 403)");
        assertThat(retry.posts()).isZero();
        assertThat(outbox.posted.get(0).plainBody()).contains("organization not read: S3 GetObject"
                + " s3://b/organization/inventory.json failed: AccessDenied (HTTP 403)");
    }

    @Test
    void inStackSetModeTheInstancesAreTheExpectedPathsAndTheirProblemsAreGaps() throws Exception {
        InMemoryCoverageReports reports = new InMemoryCoverageReports(Optional.of(new OrganizationInventory(
                Instant.parse("2026-12-04T02:00:00Z"), List.of(account("112233445566", "prod", "ACTIVE"),
                        account("222233334444", "dev", "ACTIVE"), account("444455556666", "sandbox", "ACTIVE"),
                        account("999999999999", "security", "ACTIVE")),
                Map.of("222233334444", List.of("ap-northeast-1")), Optional.empty(),
                Optional.of(new OrganizationInventory.StackSetInstances(MemberNames.STACK_SET_NAME, List.of(
                        instance("112233445566", "ap-northeast-1", "CURRENT", "SUCCEEDED", "IN_SYNC", null),
                        instance("112233445566", "eu-west-1", "OUTDATED", "FAILED", "NOT_CHECKED",
                                "ResourceLogicalId:CanaryRole, ResourceStatusReason:Role already exists"),
                        instance("222233334444", "ap-northeast-1", "CURRENT", "SUCCEEDED", "DRIFTED", null),
                        instance("222233334444", "eu-west-1", "OUTDATED", "FAILED", null,
                                "Account 222233334444 should have 'eu-west-1' enabled"),
                        instance("999999999999", "ap-northeast-1", "CURRENT", "SUCCEEDED", "IN_SYNC", null),
                        instance("999999999999", "eu-west-1", "CURRENT", "SUCCEEDED", "IN_SYNC", null)),
                        Optional.empty())))));
        // 112233445566 is migrating: its own stack in Tokyo still runs beside the StackSet's instance.
        service = service(table, new Coverage.Configured(Optional.of("999999999999"), Map.of(
                "112233445566", List.of("ap-northeast-1")), Optional.of(new Coverage.StackSetTarget(
                MemberNames.STACK_SET_NAME, List.of("ap-northeast-1", "eu-west-1")))), reports);
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"),
                heartbeat(MemberNames.STACKSET, "222233334444", "ap-northeast-1", "2026-12-04T04:44:00Z"),
                heartbeat(MemberNames.STACKSET, "999999999999", "ap-northeast-1", "2026-12-04T04:43:00Z"),
                heartbeat(MemberNames.STACKSET, "999999999999", "eu-west-1", "2026-12-04T04:42:00Z"));

        assertThat(service.checkCoverage(Deadline.after(Duration.ofSeconds(30))).posts()).isEqualTo(1);

        OutboundMessage message = outbox.posted.get(0);
        assertThat(message.slack().json()).contains("Coverage: 4 gaps");
        assertThat(message.plainBody()).contains("Never sent a heartbeat",
                "prod (112233445566) eu-west-1", "StackSet instances failed, outdated or drifted",
                "prod (112233445566) eu-west-1: outdated (FAILED): ResourceLogicalId:CanaryRole",
                "222233334444 ap-northeast-1: drifted", "Accounts of the organization not enrolled",
                "sandbox (444455556666)", "Migration to the StackSet", "0 of 1 paths",
                "1 StackSet instance is in a region its account has not enabled", "list-stack-instances")
                .doesNotContain("999999999999 is not a member account", "Not checked");
        String json = PayloadChecks.assertValid(message.slack().json()).toString();
        Golden.assertMatches("health-coverage-stackset", Rendering.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Rendering.MAPPER.readTree(json)) + "\n");
        JsonNode report = Rendering.MAPPER.readTree(reports.reports().get("coverage/latest.json"));
        assertThat(report.path("expectedPaths").asInt()).isEqualTo(5);
        assertThat(report.path("stackSet").path("instances").asInt()).isEqualTo(6);
        assertThat(report.path("stackSet").path("problems")).hasSize(2);
        assertThat(report.path("stackSet").path("regionNotEnabled").toString()).contains("222233334444");
        assertThat(report.path("stackSet").path("migration").path("notYetProven").toString())
                .contains("112233445566", "ap-northeast-1");

        deliver(heartbeat(MemberNames.STACKSET, "112233445566", "ap-northeast-1", "2026-12-04T04:40:00Z"));
        clock.set(Instant.parse("2026-12-04T04:55:00Z"));
        service.checkCoverage(Deadline.after(Duration.ofSeconds(30)));
        JsonNode migrated = Rendering.MAPPER.readTree(reports.reports().get("coverage/latest.json"))
                .path("stackSet").path("migration");
        assertThat(migrated.path("notYetProven")).as("an older StackSet heartbeat still proves it").isEmpty();
        assertThat(migrated.path("proven").toString()).contains("112233445566");
    }

    private static OrganizationInventory.StackInstance instance(String account, String region, String status,
                                                                String detailed, String drift, String reason) {
        return new OrganizationInventory.StackInstance(account, region, status, detailed, drift, reason);
    }

    private static OrganizationInventory.Account account(String id, String name, String state) {
        return new OrganizationInventory.Account(id, name, state);
    }

    @Test
    void fullCoveragePostsNothingAndNothingConfiguredChecksNothing() {
        service = service(table, new Coverage.Configured(Optional.of("112233445566"), Map.of(
                "112233445566", List.of("ap-northeast-1")), Optional.empty()));
        deliver(heartbeat("ap-northeast-1", "2026-12-04T04:45:00Z"));

        assertThat(service.checkCoverage(Deadline.after(Duration.ofSeconds(30))).posts()).isZero();
        assertThat(logs.text()).contains("coverage: 0 gap(s)");

        service = service(table);
        assertThat(service.checkCoverage(Deadline.after(Duration.ofSeconds(30))).posts()).isZero();
        assertThat(logs.text()).contains("nothing to check");
    }
}
