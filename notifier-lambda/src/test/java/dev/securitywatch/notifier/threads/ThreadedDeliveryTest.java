package dev.securitywatch.notifier.threads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
import dev.securitywatch.notifier.dedup.DynamoDbHeartbeatStore;
import dev.securitywatch.notifier.dedup.DynamoDbThreadStore;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.NotificationService;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.service.Threading;
import dev.securitywatch.notifier.support.Bursts;
import dev.securitywatch.notifier.support.Golden;
import dev.securitywatch.notifier.support.LocalChat;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import dev.securitywatch.notifier.support.MovableClock;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.RateLimitedSlack;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.suppress.NoiseRules;
import dev.securitywatch.lambdakit.testing.LogCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bot-token threads end to end: the real notification service, the real Slack sender against a local Slack stand-in
 * that answers with channels and timestamps, and the real thread store and ledger on DynamoDB Local.
 */
class ThreadedDeliveryTest {
    /** CRITICAL: tcp/22 from 0.0.0.0/0 on sg-0d921df5d84f7270a in 112233445566 us-east-1. */
    private static final String SSH_WORLD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json";
    private static final String SSH_GROUP = "sg-0d921df5d84f7270a";
    /** MEDIUM changes by one TestAdmin session: bursts of these are summarised. */
    private static final String SG_BY_TESTADMIN = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final String BOT = "{\"botToken\":\"xoxb-test-token\",\"defaultChannel\":\"C0ALERTS\"}";

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private RateLimitedSlack slack;
    private String table;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        slack = new RateLimitedSlack(1_000, 1_000);
        table = "security-watch-threads-" + TABLES.incrementAndGet();
        dynamoDb.createTable(table);
        logs = LogCapture.start();
    }

    @AfterEach
    void stop() {
        logs.close();
        slack.close();
    }

    private NotificationService service(AlertOutbox outbox) {
        return service(outbox, new DynamoDbThreadStore(dynamoDb.client(), table));
    }

    private NotificationService service(AlertOutbox outbox, DynamoDbThreadStore threads) {
        return new NotificationService(Rendering.RENDERER, Rendering.LAYOUT, new DynamoDbDeliveryLedger(
                dynamoDb.client(), table, Duration.ofMinutes(3), Duration.ofDays(14)), outbox, new NotifierLog(),
                new NoiseRules(false, Suppressions.NONE), new InMemorySuppressionTally(),
                new BurstPlanner(BurstPlanner.DEFAULT_THRESHOLD),
                new SummaryAlert(Rendering.SETTINGS, BurstPlanner.DEFAULT_THRESHOLD),
                new Threading(threads, Duration.ofHours(24), Duration.ofMinutes(15)),
                Rendering.heartbeats(new DynamoDbHeartbeatStore(dynamoDb.client(), table)),
                Rendering.firstSeenOff(), clock);
    }

    private AlertOutbox botOutbox() {
        CachedSlackSecret secret = new CachedSlackSecret(id -> BOT,
                "arn:aws:secretsmanager:us-east-1:999999999999:secret:slack");
        return LocalChat.outbox(secret, slack.apiBase(), URI.create("http://127.0.0.1:9/"), SlackRoutes.none());
    }

    private static BatchResult deliver(NotificationService service, String prefix, List<InboundMessage> messages) {
        return service.handle(Bursts.records(prefix, messages), Deadline.after(Duration.ofSeconds(60)));
    }

    private static List<InboundMessage> sshWorld() {
        return Rendering.parse(AcceptanceData.text(SSH_WORLD));
    }

    /** The remediation service's result for the same group, as it reaches the notifier. */
    private static List<InboundMessage> remediationOfSshGroup() {
        try {
            ObjectNode event = (ObjectNode) Rendering.MAPPER.readTree(Rendering.fixture("remediation-result.json"));
            ((ObjectNode) event.get("detail")).put("groupId", SSH_GROUP);
            return Rendering.PARSER.parse(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRemediationResultRepliesUnderTheAlertAndUpdatesItsStatus() throws Exception {
        NotificationService service = service(botOutbox());

        deliver(service, "alert", sshWorld());
        BatchResult remediated = deliver(service, "fix", remediationOfSshGroup());

        List<RateLimitedSlack.Call> calls = slack.calls();
        assertThat(calls).hasSize(3);
        RateLimitedSlack.Call alert = calls.get(0);
        assertThat(alert.isReply()).isFalse();
        RateLimitedSlack.Call reply = calls.get(1);
        assertThat(reply.isReply()).isTrue();
        assertThat(reply.body().path("thread_ts").asText()).isEqualTo(alert.ts());
        assertThat(reply.body().path("channel").asText()).isEqualTo("C0ALERTS");
        assertThat(reply.body().has("reply_broadcast")).as("a remediation result stays in the thread").isFalse();
        assertThat(reply.text()).contains("Security group remediated");
        RateLimitedSlack.Call update = calls.get(2);
        assertThat(update.isUpdate()).isTrue();
        assertThat(update.body().path("ts").asText()).isEqualTo(alert.ts());
        assertThat(update.body().path("text").asText()).isEqualTo(alert.body().path("text").asText());
        assertThat(update.text()).contains("1 update in the thread", "✅ Security group remediated",
                "🚨 CRITICAL · Security group changed");
        PayloadChecks.assertValid(withoutCallFields(update.body()));
        assertThat(remediated.delivered()).isEqualTo(1);
        assertThat(remediated.failed()).isFalse();

        Golden.assertMatches("thread-reply", pretty(withoutCallFields(reply.body())));
        Golden.assertMatches("thread-parent-updated", pretty(withoutCallFields(update.body())));
    }

    @Test
    void aRevertRepliesInTheSameThreadAndAlsoShowsInTheChannel() {
        NotificationService service = service(botOutbox());
        deliver(service, "alert", sshWorld());
        deliver(service, "fix", remediationOfSshGroup());

        deliver(service, "revert", List.of(Bursts.variant(SSH_WORLD, 1, "2026-11-20T10:30:00Z")));

        List<RateLimitedSlack.Call> calls = slack.calls();
        String parent = calls.get(0).ts();
        RateLimitedSlack.Call revert = calls.get(3);
        assertThat(revert.isReply()).isTrue();
        assertThat(revert.body().path("thread_ts").asText()).isEqualTo(parent);
        assertThat(revert.body().path("reply_broadcast").asBoolean()).as("CRITICAL never hides in a thread")
                .isTrue();
        assertThat(calls.get(4).isUpdate()).isTrue();
        assertThat(calls.get(4).text()).contains("2 updates in the thread", "latest 10:30:01 UTC: CRITICAL · Security group change");
        assertThat(calls.stream().filter(c -> !c.isReply() && !c.isUpdate())).hasSize(1);
    }

    @Test
    void aSummaryListsItsEventsInItsThreadOneLineEach() {
        NotificationService service = service(botOutbox());

        BatchResult result = deliver(service, "burst", Bursts.variants(SG_BY_TESTADMIN, 5));

        List<RateLimitedSlack.Call> calls = slack.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).text()).contains("Summary of 5 events");
        RateLimitedSlack.Call listing = calls.get(1);
        assertThat(listing.isReply()).isTrue();
        assertThat(listing.body().path("thread_ts").asText()).isEqualTo(calls.get(0).ts());
        assertThat(listing.text()).contains("Events 1–5 of 5", "10:00:00 MEDIUM AuthorizeSecurityGroupIngress",
                "10:00:04 MEDIUM AuthorizeSecurityGroupIngress");
        assertThat(result.posts()).as("the channel got one message").isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(5);
    }

    @Test
    void aBigSummaryListsEveryEventInPagesOfOneLineEach() {
        NotificationService service = service(botOutbox());

        deliver(service, "burst", Bursts.variants(SG_BY_TESTADMIN, 120));

        List<RateLimitedSlack.Call> calls = slack.calls();
        List<RateLimitedSlack.Call> pages = calls.subList(1, calls.size());
        assertThat(calls.get(0).text()).contains("Summary of 120 events");
        assertThat(pages).hasSizeGreaterThan(1).hasSizeLessThan(10).allMatch(RateLimitedSlack.Call::isReply);
        assertThat(pages.get(0).text()).contains("Events 1–", "of 120");
        long listed = pages.stream().mapToLong(page -> page.text().split("AuthorizeSecurityGroupIngress security-group:sg-", -1)
                .length - 1).sum();
        assertThat(listed).as("every event has its line in the thread").isEqualTo(120);
        pages.forEach(page -> PayloadChecks.assertValid(withoutCallFields(page.body())));
    }

    @Test
    void laterEventsOfTheGroupJoinItsSummaryAcrossBatchesUntilTheWindowCloses() {
        NotificationService service = service(botOutbox());
        deliver(service, "first", Bursts.variants(SG_BY_TESTADMIN, 5));
        String summary = slack.calls().get(0).ts();

        clock.advance(Duration.ofMinutes(5));
        BatchResult later = deliver(service, "second", List.of(Bursts.variant(SG_BY_TESTADMIN, 5,
                "2026-11-20T10:05:00Z"), Bursts.variant(SG_BY_TESTADMIN, 6, "2026-11-20T10:05:00Z")));

        List<RateLimitedSlack.Call> calls = slack.calls().subList(2, slack.calls().size());
        assertThat(calls).hasSize(3);
        assertThat(calls.subList(0, 2)).allMatch(RateLimitedSlack.Call::isReply)
                .allMatch(call -> call.body().path("thread_ts").asText().equals(summary));
        assertThat(calls.get(2).isUpdate()).isTrue();
        assertThat(calls.get(2).text()).contains("2 more events in the thread", "Summary of 5 events");
        assertThat(later.delivered()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(16));
        deliver(service, "third", List.of(Bursts.variant(SG_BY_TESTADMIN, 7, "2026-11-20T10:21:00Z")));

        RateLimitedSlack.Call afterWindow = slack.calls().get(slack.calls().size() - 1);
        assertThat(afterWindow.isReply()).as("the group's window closed: a message of its own").isFalse();
    }

    @Test
    void aCriticalChangeByTheSameActorNeverHidesInTheSummarysThread() throws Exception {
        NotificationService service = service(botOutbox());
        deliver(service, "first", Bursts.variants(SG_BY_TESTADMIN, 5));
        ObjectNode sshByTestAdmin = (ObjectNode) Rendering.MAPPER.readTree(AcceptanceData.text(SG_BY_TESTADMIN));
        sshByTestAdmin.put("eventID", "ssh-by-testadmin");
        ObjectNode permission = (ObjectNode) sshByTestAdmin.path("requestParameters").path("ipPermissions")
                .path("items").get(0);
        permission.put("fromPort", "22").put("toPort", "22");
        ((ObjectNode) permission.path("ipRanges").path("items").get(0)).put("cidrIp", "0.0.0.0/0");

        deliver(service, "second", Rendering.PARSER.parse(sshByTestAdmin));

        RateLimitedSlack.Call critical = slack.calls().get(slack.calls().size() - 1);
        assertThat(critical.text()).contains("CRITICAL");
        assertThat(critical.isReply()).as("the same actor and category, but CRITICAL: a message of its own").isFalse();
    }

    @Test
    void aDeletedParentMeansTheNextAlertOpensANewThread() {
        NotificationService service = service(botOutbox());
        deliver(service, "alert", sshWorld());
        slack.delete(slack.calls().get(0).ts());

        BatchResult remediated = deliver(service, "fix", remediationOfSshGroup());
        deliver(service, "revert", List.of(Bursts.variant(SSH_WORLD, 1, "2026-11-20T10:30:00Z")));

        List<RateLimitedSlack.Call> calls = slack.calls();
        assertThat(calls.get(1).isReply()).as("the remediation result went to the channel").isFalse();
        assertThat(calls.get(1).text()).contains("Security group remediated");
        assertThat(calls.get(2).isReply()).isTrue();
        assertThat(calls.get(2).body().path("thread_ts").asText()).isEqualTo(calls.get(1).ts());
        assertThat(remediated.failed()).isFalse();
        assertThat(logs.text()).contains("parent is gone (thread_not_found)");
    }

    @Test
    void aThreadStoreThatFailsNeverHoldsAnAlertBack() {
        NotificationService service = service(botOutbox(), new DynamoDbThreadStore(dynamoDb.client(),
                "no-such-table"));

        deliver(service, "alert", sshWorld());
        BatchResult remediated = deliver(service, "fix", remediationOfSshGroup());

        assertThat(slack.calls()).hasSize(2).noneMatch(RateLimitedSlack.Call::isReply);
        assertThat(remediated.delivered()).isEqualTo(1);
        assertThat(remediated.failed()).isFalse();
        assertThat(logs.text()).contains("thread store unavailable", "no-such-table", "ResourceNotFoundException");
    }

    @Test
    void webhookModeNeverThreads() {
        SlackSecret secret = SlackSecret.parse("{\"webhookUrl\":\"" + slack.webhook("C0HOOK") + "\"}");
        NotificationService service = service(LocalChat.webhookOutbox(secret,
                NotifierSettings.fromEnvironment(Map.of(), Rendering.MAPPER)));

        deliver(service, "alert", sshWorld());
        deliver(service, "fix", remediationOfSshGroup());

        assertThat(slack.posts).hasValue(2);
        assertThat(slack.replies).hasValue(0);
        assertThat(slack.updates).hasValue(0);
    }

    /** The webhook-shaped message, without what only the Web API call carries. */
    private static String withoutCallFields(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(List.of("channel", "thread_ts", "ts", "reply_broadcast"));
        return copy.toString();
    }

    private static String pretty(String json) {
        try {
            return Rendering.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Rendering.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
