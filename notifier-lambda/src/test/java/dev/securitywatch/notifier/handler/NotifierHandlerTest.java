package dev.securitywatch.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.lambdakit.testing.FakeLambdaContext;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.lambdakit.testing.MetricsCapture;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
import dev.securitywatch.notifier.dedup.DynamoDbSuppressionTally;
import dev.securitywatch.notifier.bucket.InMemoryCoverageReports;
import dev.securitywatch.notifier.dedup.DynamoDbFirstSeenStore;
import dev.securitywatch.notifier.dedup.DynamoDbHeartbeatStore;
import dev.securitywatch.notifier.dedup.DynamoDbThreadStore;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.support.LocalChat;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;

/**
 * The handler end to end in-process: an SQS batch in (the alerts queue's records, each body an SNS notification),
 * the real Slack sender posting to a local HTTP server, the real ledger on DynamoDB Local, and out the partial batch
 * response and the real Powertools output: JSON log lines and EMF metrics on stdout.
 */
class NotifierHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WEBHOOK_PATH = "/services/T0/B0/SECRETpath";
    private static final String SNS_BATCH = "sns/derived/sns-eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    /** Matches no event these tests send, so only the digest sees it. */
    private static final String SUPPRESSIONS = "[{\"id\": \"flow-log-rotation\", \"match\": {\"eventNames\":"
            + " [\"DeleteFlowLogs\"]}, \"action\": \"drop\", \"reason\": \"nightly rotation\", \"owner\":"
            + " \"network@example.com\", \"expires\": \"2099-12-31\"}]";
    private static final String DIGEST_REQUEST = "{\"securityWatch\": \"suppression-digest\"}";

    private ScriptedHttpServer slack;
    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    private LogCapture logs;
    private MetricsCapture metrics;
    private NotifierHandler handler;

    @BeforeEach
    void start() throws Exception {
        slack = new ScriptedHttpServer();
        String table = "dedup-" + TABLES.incrementAndGet();
        dynamoDb.createTable(table);
        NotifierSettings config = NotifierSettings.fromEnvironment(Map.of(
                "ACCOUNT_NAMES", "{\"112233445566\":\"prod\"}", "MENTION_ON_CRITICAL", "true",
                "DASHBOARDS_URL", "https://dashboards.example.com", "SUPPRESSIONS", SUPPRESSIONS), MAPPER);
        SlackSecret secret = SlackSecret.parse("{\"webhookUrl\":\"" + slack.uri(WEBHOOK_PATH) + "\"}");
        ChatOutbox outbox = LocalChat.webhookOutbox(secret, config);
        NotifierWiring runtime = NotifierWiring.create(config, new NotifierStores(new DynamoDbDeliveryLedger(
                dynamoDb.client(), table, Duration.ofMinutes(15), Duration.ofDays(14)),
                new DynamoDbSuppressionTally(dynamoDb.client(), table), new DynamoDbThreadStore(dynamoDb.client(), table),
                new DynamoDbHeartbeatStore(dynamoDb.client(), table), new InMemoryCoverageReports(Optional.empty()),
                new DynamoDbFirstSeenStore(dynamoDb.client(), table)),
                outbox, new NotifierLog(), MAPPER);
        handler = new NotifierHandler(runtime);
        logs = LogCapture.start();
        metrics = MetricsCapture.start();
    }

    @AfterEach
    void stop() {
        metrics.close();
        logs.close();
        slack.close();
    }

    private String invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new FakeLambdaContext("arn:aws:lambda:us-east-1:111111111111:function:security-watch-notifier:live", 30_000));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Everything the invocations wrote: log lines and EMF lines. */
    private String output() {
        return logs.text() + metrics.text();
    }

    @Test
    void postsTheRenderedMessageAndReportsMetrics() throws Exception {
        slack.answer(Answer.of(200, "ok"));

        String output = invoke(sqs(AcceptanceData.text(SNS_BATCH)));

        assertThat(output).isEqualTo("{\"batchItemFailures\":[]}");
        ScriptedHttpServer.Recorded post = slack.requests().get(0);
        assertThat(post.path()).isEqualTo(WEBHOOK_PATH);
        JsonNode payload = PayloadChecks.assertValid(post.body());
        assertThat(payload.path("text").asText()).contains("Security group change detected", "112233445566");
        JsonNode delivered = logs.withMessage("delivered").get(0);
        assertThat(delivered.path("level").asText()).isEqualTo("INFO");
        assertThat(delivered.path("function_request_id").asText()).isEqualTo(FakeLambdaContext.REQUEST_ID);
        assertThat(delivered.path("function_name").asText()).isEqualTo("security-watch-notifier");
        assertThat(delivered.path("service").asText()).isEqualTo("security-watch-notifier");
        assertThat(delivered.path("cold_start").isBoolean()).isTrue();
        assertThat(delivered.path("eventKey").asText()).startsWith("cloudtrail:");
        assertThat(delivered.path("sink").asText()).isEqualTo("slack");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(1);
        JsonNode emf = metrics.single();
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("SecurityWatch");
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"Service\"]]");
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").findValuesAsText("Name"))
                .containsExactlyInAnyOrder("Events", "Posts", "Delivered", "Requeued", "Duplicate", "Throttled",
                        "Fallback", "Failed", "Muted", "Suppressed", "PlainTextFallback");
        assertThat(emf.path("Service").asText()).isEqualTo("security-watch-notifier");
        assertThat(emf.path("Delivered").asInt()).isEqualTo(1);
        assertThat(emf.path("Failed").asInt()).isZero();
        assertThat(output()).doesNotContain("SECRET");
    }

    @Test
    void onlyTheFirstInvocationOfTheContainerLogsColdStart() throws Exception {
        slack.answer(Answer.of(200, "ok"), Answer.of(200, "ok"));
        boolean coldBefore = LambdaHandlerProcessor.isColdStart();

        invoke(sqs(AcceptanceData.text(SNS_BATCH)));
        invoke(twoMessageBatch());

        List<JsonNode> delivered = logs.withMessage("delivered");
        assertThat(delivered.get(0).path("cold_start").asBoolean()).isEqualTo(coldBefore);
        assertThat(delivered.get(1).path("cold_start").asBoolean()).isFalse();
    }

    @Test
    void aFailedDeliveryNamesOnlyItsRecordAndTheRedeliveryDoesNotResendWhatWentOut() throws Exception {
        String batch = twoMessageBatch();
        slack.answer(Answer.of(200, "ok"), Answer.of(503, ""), Answer.of(503, ""));

        String first = invoke(batch);

        assertThat(MAPPER.readTree(first).path("batchItemFailures")).singleElement()
                .satisfies(failure -> assertThat(failure.path("itemIdentifier").asText())
                        .as("the CRITICAL attachment posts first; the security-group change then fails")
                        .isEqualTo("message-0"));
        int postsBeforeRetry = slack.requests().size();

        slack.answer(Answer.of(200, "ok"));
        String retry = invoke(batch);

        assertThat(retry).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(slack.requests()).hasSize(postsBeforeRetry + 1);
        assertThat(metrics.emf()).extracting(line -> line.path("Failed").asInt()).containsExactly(1, 0);
        assertThat(metrics.emf()).extracting(line -> line.path("Duplicate").asInt()).containsExactly(0, 1);
        assertThat(logs.lines()).filteredOn(line -> line.path("level").asText().equals("ERROR")).singleElement()
                .satisfies(line -> assertThat(line.path("errorCode").asText()).isEqualTo("http_503"));
        assertThat(output()).doesNotContain("SECRET");
    }

    @Test
    void theWeeklyScheduleInvocationPostsTheDigestOnceEvenWhenRepeated() throws Exception {
        slack.answer(Answer.of(200, "ok"));

        assertThat(invoke(DIGEST_REQUEST)).isEqualTo("{\"digestPosts\":1}");
        assertThat(invoke(DIGEST_REQUEST)).as("a repeated schedule finds it delivered").isEqualTo("{\"digestPosts\":0}");

        assertThat(slack.requests()).singleElement().satisfies(post -> assertThat(
                PayloadChecks.assertValid(post.body()).toString()).contains("Weekly suppression digest",
                "flow-log-rotation", "nightly rotation", "network@example.com"));
        assertThat(metrics.emf()).extracting(line -> line.path("Duplicate").asInt()).containsExactly(0, 1);
    }

    @Test
    void aDigestThatCannotBePostedFailsTheInvocationSoLambdaRetriesIt() throws Exception {
        slack.answer(Answer.of(404, "no_service"));

        assertThatThrownBy(() -> invoke(DIGEST_REQUEST))
                .isInstanceOf(NotifierHandler.ScheduledRunFailedException.class)
                .hasMessageContaining("no_service")
                .hasMessageNotContaining("SECRET");

        slack.answer(Answer.of(200, "ok"));
        assertThat(invoke(DIGEST_REQUEST)).isEqualTo("{\"digestPosts\":1}");
    }

    @Test
    void throttlingIsHonouredAndCounted() throws Exception {
        slack.answer(Answer.of(429, "").withHeader("Retry-After", "0"), Answer.of(200, "ok"));

        invoke(sqs(AcceptanceData.text(SNS_BATCH)));

        assertThat(metrics.single().path("Throttled").asInt()).isEqualTo(1);
        assertThat(metrics.single().path("Delivered").asInt()).isEqualTo(1);
    }

    @Test
    void primingRendersTheBundledSampleWithoutAnyConnection() throws Exception {
        handler.priming.beforeCheckpoint(null);

        assertThat(slack.requests()).isEmpty();
        assertThat(handler.priming.offlineAwsCalls()).as("AWS calls answered inside the process").isPositive();
    }

    @Test
    void theHeartbeatCheckScheduleChecksAndPublishesThePathsForTheDashboard() throws Exception {
        assertThat(invoke("{\"securityWatch\": \"heartbeat-check\"}")).isEqualTo("{\"healthPosts\":0}");

        assertThat(metrics.emf()).anySatisfy(line -> {
            assertThat(line.path("HeartbeatPaths").asInt(-1)).isZero();
            assertThat(line.path("SilentPaths").asInt(-1)).isZero();
            assertThat(line.has("OldestHeartbeatMinutes")).isTrue();
        });
        assertThat(slack.requests()).isEmpty();
    }

    @Test
    void missingConfigurationFailsTheInitNamingTheVariable() {
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("DEDUP_TABLE_NAME", "t"), MAPPER))
                .hasMessage("SLACK_SECRET_ID is not set");
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "arn"), MAPPER))
                .hasMessage("DEDUP_TABLE_NAME is not set");
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "arn",
                "DEDUP_TABLE_NAME", "t"), MAPPER)).hasMessage("HEARTBEAT_TABLE_NAME is not set");
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "arn",
                "DEDUP_TABLE_NAME", "t", "HEARTBEAT_TABLE_NAME", "h"), MAPPER))
                .hasMessage("COVERAGE_BUCKET is not set");
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "arn",
                "DEDUP_TABLE_NAME", "t", "HEARTBEAT_TABLE_NAME", "h", "COVERAGE_BUCKET", "b"), MAPPER))
                .hasMessage("AWS_REGION is not set");
    }

    /** The production wiring, with no AWS credentials at all: priming would fail if it reached for AWS. */
    @Test
    void productionWiringBuildsAndPrimesWithoutCredentialsOrNetwork() throws Exception {
        NotifierWiring runtime = NotifierWiring.fromEnvironment(Map.of(
                "SLACK_SECRET_ID", "arn:aws:secretsmanager:eu-west-1:111111111111:secret:sw-AbC",
                "DEDUP_TABLE_NAME", "security-watch-notifier-dedup", "HEARTBEAT_TABLE_NAME",
                "security-watch-heartbeats", "COVERAGE_BUCKET", "security-watch-membership",
                "AWS_REGION", "eu-west-1"), MAPPER);

        Priming priming = new Priming(runtime);
        priming.beforeCheckpoint(null);

        assertThat(output()).isEmpty();
        assertThat(priming.offlineAwsCalls()).isPositive();
    }

    /** Two queue records: the security-group event and the AdministratorAccess attachment. */
    private static String twoMessageBatch() throws Exception {
        return sqs(AcceptanceData.text(SNS_BATCH), AcceptanceData.text(
                "sns/derived/sns-eb-iam-AttachUserPolicy-IAMUser-stratus-1.json"));
    }

    /**
     * The alerts queue's Lambda event for these SNS events: one record per notification, its body the notification
     * as SNS delivers it to a subscribed queue, ids {@code message-0}, {@code message-1}, ...
     */
    static String sqs(String... snsEvents) throws Exception {
        ObjectNode batch = MAPPER.createObjectNode();
        int id = 0;
        for (String snsEvent : snsEvents) {
            for (JsonNode record : MAPPER.readTree(snsEvent).path("Records")) {
                ObjectNode message = batch.withArray("Records").addObject();
                message.put("messageId", "message-" + id++);
                message.put("receiptHandle", "handle");
                message.put("body", record.path("Sns").toString());
                message.putObject("attributes").put("ApproximateReceiveCount", "1")
                        .put("SentTimestamp", "1700000000000");
                message.put("eventSource", "aws:sqs");
                message.put("eventSourceARN", "arn:aws:sqs:us-east-1:111111111111:security-watch-alerts");
                message.put("awsRegion", "us-east-1");
            }
        }
        return batch.toString();
    }
}
