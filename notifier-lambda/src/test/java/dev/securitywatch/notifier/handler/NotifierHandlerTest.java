package dev.securitywatch.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.lambdakit.testing.FakeLambdaContext;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler end to end in-process: an SNS event in, the real Slack sender posting to a local HTTP server, the
 * real ledger on DynamoDB Local, JSON logs and EMF metrics out.
 */
class NotifierHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WEBHOOK_PATH = "/services/T0/B0/SECRETpath";
    private static final String SNS_BATCH = "sns/derived/sns-eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";

    private ScriptedHttpServer slack;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalDynamoDb dynamoDb;
    private ByteArrayOutputStream logs;
    private NotifierHandler handler;

    @BeforeAll
    static void startDynamoDb() throws Exception {
        dynamoDb = new LocalDynamoDb();
    }

    @AfterAll
    static void stopDynamoDb() throws Exception {
        dynamoDb.close();
    }

    @BeforeEach
    void start() throws Exception {
        slack = new ScriptedHttpServer();
        String table = "dedup-" + TABLES.incrementAndGet();
        dynamoDb.createTable(table);
        logs = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(logs, true, StandardCharsets.UTF_8);
        NotifierSettings config = NotifierSettings.fromEnvironment(Map.of(
                "ACCOUNT_NAMES", "{\"112233445566\":\"prod\"}", "MENTION_ON_CRITICAL", "true",
                "DASHBOARDS_URL", "https://dashboards.example.com"), MAPPER);
        SlackSecret secret = SlackSecret.parse("{\"webhookUrl\":\"" + slack.uri(WEBHOOK_PATH) + "\"}");
        ChatOutbox outbox = LocalChat.webhookOutbox(secret);
        NotifierWiring runtime = NotifierWiring.create(config, new DynamoDbDeliveryLedger(dynamoDb.client(), table,
                Duration.ofMinutes(15), Duration.ofDays(14)), outbox,
                new NotifierLog(MAPPER, logStream, Clock.systemUTC()), MAPPER);
        handler = new NotifierHandler(runtime, logStream);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    private String invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new FakeLambdaContext("arn:aws:lambda:us-east-1:111111111111:function:security-watch-notifier:live", 30_000));
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    @Test
    void postsTheRenderedMessageAndReportsMetrics() throws Exception {
        slack.answer(Answer.of(200, "ok"));

        String output = invoke(AcceptanceData.text(SNS_BATCH));

        assertThat(MAPPER.readTree(output).path("delivered").asInt()).isEqualTo(1);
        ScriptedHttpServer.Recorded post = slack.requests().get(0);
        assertThat(post.path()).isEqualTo(WEBHOOK_PATH);
        JsonNode payload = PayloadChecks.assertValid(post.body());
        assertThat(payload.path("text").asText()).contains("Security group change detected", "112233445566");
        List<JsonNode> lines = logLines();
        JsonNode delivered = lines.stream().filter(l -> "delivered".equals(l.path("message").asText())).findFirst()
                .orElseThrow();
        assertThat(delivered.path("function_request_id").asText()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(delivered.path("cold_start").asText()).isEqualTo("true");
        assertThat(delivered.path("eventKey").asText()).startsWith("cloudtrail:");
        JsonNode emf = lines.stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("SecurityWatch");
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"Service\"]]");
        assertThat(emf.path("Service").asText()).isEqualTo("security-watch-notifier");
        assertThat(emf.path("Delivered").asInt()).isEqualTo(1);
        assertThat(emf.path("Failed").asInt()).isZero();
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("SECRET");
    }

    @Test
    void aFailedDeliveryFailsTheInvocationAndTheRetryDoesNotResendWhatWentOut() throws Exception {
        String batch = twoMessageBatch();
        slack.answer(Answer.of(200, "ok"), Answer.of(503, ""), Answer.of(503, ""));

        assertThatThrownBy(() -> invoke(batch))
                .isInstanceOf(NotifierHandler.NotificationFailedException.class)
                .hasMessageContaining("1 of 2 message(s) not delivered")
                .hasMessageContaining("http_503")
                .hasMessageNotContaining("SECRET");
        int postsBeforeRetry = slack.requests().size();

        slack.answer(Answer.of(200, "ok"));
        String output = invoke(batch);

        assertThat(MAPPER.readTree(output).path("duplicates").asInt()).isEqualTo(1);
        assertThat(MAPPER.readTree(output).path("delivered").asInt()).isEqualTo(1);
        assertThat(slack.requests()).hasSize(postsBeforeRetry + 1);
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"Failed\":1", "\"Duplicate\":1")
                .doesNotContain("SECRET");
    }

    @Test
    void throttlingIsHonouredAndCounted() throws Exception {
        slack.answer(Answer.of(429, "").withHeader("Retry-After", "0"), Answer.of(200, "ok"));

        invoke(AcceptanceData.text(SNS_BATCH));

        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"Throttled\":1", "\"Delivered\":1");
    }

    @Test
    void primingRendersTheBundledSampleWithoutAnyConnection() throws Exception {
        handler.priming.beforeCheckpoint(null);

        assertThat(slack.requests()).isEmpty();
        assertThat(handler.priming.offlineAwsCalls()).as("AWS calls answered inside the process").isPositive();
    }

    @Test
    void missingConfigurationFailsTheInitNamingTheVariable() {
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("DEDUP_TABLE_NAME", "t"), MAPPER,
                System.out)).hasMessage("SLACK_SECRET_ID is not set");
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "arn"), MAPPER,
                System.out)).hasMessage("DEDUP_TABLE_NAME is not set");
        assertThatThrownBy(() -> NotifierWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "arn",
                "DEDUP_TABLE_NAME", "t"), MAPPER, System.out)).hasMessage("AWS_REGION is not set");
    }

    /** The production wiring, with no AWS credentials at all: priming would fail if it reached for AWS. */
    @Test
    void productionWiringBuildsAndPrimesWithoutCredentialsOrNetwork() throws Exception {
        NotifierWiring runtime = NotifierWiring.fromEnvironment(Map.of(
                "SLACK_SECRET_ID", "arn:aws:secretsmanager:eu-west-1:111111111111:secret:sw-AbC",
                "DEDUP_TABLE_NAME", "security-watch-notifier-dedup", "AWS_REGION", "eu-west-1"), MAPPER,
                new PrintStream(logs, true, StandardCharsets.UTF_8));

        Priming priming = new Priming(runtime);
        priming.beforeCheckpoint(null);

        assertThat(logs.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(priming.offlineAwsCalls()).isPositive();
    }

    /** Two SNS records: the security-group event and the AdministratorAccess attachment. */
    private static String twoMessageBatch() throws Exception {
        JsonNode first = MAPPER.readTree(AcceptanceData.text(SNS_BATCH));
        JsonNode second = MAPPER.readTree(AcceptanceData.text(
                "sns/derived/sns-eb-iam-AttachUserPolicy-IAMUser-stratus-1.json"));
        ObjectNode batch = MAPPER.createObjectNode();
        batch.putArray("Records").add(first.path("Records").get(0)).add(second.path("Records").get(0));
        return batch.toString();
    }
}
