package dev.securitywatch.hubcheck.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.hubcheck.aws.AccountRegionReader;
import dev.securitywatch.hubcheck.aws.OrganizationAccountReader;
import dev.securitywatch.hubcheck.aws.S3SnapshotStore;
import dev.securitywatch.hubcheck.aws.SecurityHubMemberReader;
import dev.securitywatch.hubcheck.check.CheckSettings;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.MembershipCheck;
import dev.securitywatch.hubcheck.report.SectionBudget;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.slack.SlackReportPublisher;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import dev.securitywatch.hubcheck.testing.LocalAws;
import dev.securitywatch.lambdakit.testing.FakeLambdaContext;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.lambdakit.testing.MetricsCapture;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import java.net.http.HttpClient;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import dev.securitywatch.chat.testing.LocalSecretsManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole Lambda against one local server that speaks Security Hub (REST-JSON), Organizations and Secrets Manager
 * (JSON 1.1), S3 (REST-XML) and a Slack webhook, each reached by the real client.
 */
class HubMemberCheckHandlerTest {
    private static final String FUNCTION_ARN = "arn:aws:lambda:ap-northeast-1:123456789012:function:hub-check:live";
    private static final String BUCKET = "hub-snapshots";
    private static final String WEBHOOK_PATH = "/services/T000/B000/SECRETwebhookPART";
    private static final String FRIDAY_KEY = "snapshots/2026/11/20/2026-11-20T02:00:00Z.json";
    private static final Instant SCHEDULED = Instant.parse("2026-11-23T02:00:00Z");

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(LocalAws.loopback()).build();

    @Test
    void aScheduledRunSnapshotsComparesAndReportsTheRealListMembersResponse() throws Exception {
        stubEverything();
        FakeLambdaContext context = new FakeLambdaContext(FUNCTION_ARN, 180_000);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LogCapture logs = LogCapture.start();
        MetricsCapture metrics = MetricsCapture.start();
        try (logs; metrics) {
            handler().handleRequest(input("{\"scheduledTime\":\"2026-11-23T02:00:00Z\"}"), output, context);
        }

        String newKey = "/" + BUCKET + "/snapshots/2026/11/23/2026-11-23T02%3A00%3A05Z.json";
        LoggedRequest written = AWS.findAll(putRequestedFor(urlPathEqualTo(newKey))).get(0);
        assertThat(written.getBodyAsString()).contains("{\"accountId\":\"123456789111\",\"memberStatus\":"
                + "\"ASSOCIATED\"}", "\"organization\":[");
        String inventory = AWS.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/organization/inventory.json")))
                .get(0).getBodyAsString();
        assertThat(inventory).contains("\"readAt\":\"2026-11-23T02:00:05Z\"",
                "{\"id\":\"123456789222\",\"name\":\"old\",\"state\":\"SUSPENDED\"}",
                "\"enabledRegions\":{\"123456789012\":[\"ap-northeast-1\"],\"123456789111\":[\"ap-northeast-1\"],"
                        + "\"123456789333\":[\"ap-northeast-1\"]}");
        JsonNode slack = new ObjectMapper().readTree(AWS.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH))).get(0)
                .getBodyAsString());
        String shown = slack.toString();
        assertThat(slack.path("text").asText()).isEqualTo("Security Hub membership 2026-11-23: no change,"
                + " 0 resigned, 1 not enrolled, 1 suspended but Enabled");
        assertThat(shown).contains("Compared with the snapshot of 2026-11-20 11:00 JST",
                "*No change* in Security Hub membership",
                "*Organization accounts not enrolled in Security Hub* · 1 account\\n• `123456789333` (sandbox)",
                "*Enabled in Security Hub but suspended or closed* · 1 account\\n"
                        + "• `123456789222` (old): ASSOCIATED, SUSPENDED in Organizations")
                .doesNotContain("123456789012");
        JsonNode summary = new ObjectMapper().readTree(output.toByteArray());
        assertThat(summary.path("snapshotKey").asText()).isEqualTo("snapshots/2026/11/23/2026-11-23T02:00:05Z.json");
        assertThat(summary.path("baseline").asText()).isEqualTo("compared with " + FRIDAY_KEY);
        assertThat(summary.path("notMembers").asInt()).isEqualTo(1);
        assertThat(summary.path("suspendedButEnabled").asInt()).isEqualTo(1);
        JsonNode reported = logs.withMessage("membership check reported").get(0);
        assertThat(reported.path("level").asText()).isEqualTo("INFO");
        assertThat(reported.path("function_request_id").asText()).isEqualTo(FakeLambdaContext.REQUEST_ID);
        assertThat(reported.path("service").asText()).isEqualTo("security-watch-hub-member-check");
        assertThat(reported.path("snapshotKey").asText()).isEqualTo(summary.path("snapshotKey").asText());
        assertThat(reported.path("notMembers").asInt()).isEqualTo(1);
        assertThat(reported.path("problems").isArray()).isTrue();
        JsonNode emf = metrics.single();
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("SecurityWatch");
        assertThat(emf.path("Service").asText()).isEqualTo("security-watch-hub-member-check");
        assertThat(emf.path("RunSucceeded").asInt()).isEqualTo(1);
        assertThat(emf.path("MembershipChanges").asInt()).isZero();
        assertThat(emf.path("NotMembers").asInt()).isEqualTo(1);
        assertThat(emf.path("SuspendedButEnabled").asInt()).isEqualTo(1);
        assertThat(emf.path("Problems").asInt()).isZero();
        assertThat(logs.text() + metrics.text()).doesNotContain("SECRET");
    }

    @Test
    void aFailedDeliveryFailsTheInvocationSoTheScheduleRetries() {
        stubEverything();
        AWS.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(500)));
        LogCapture logs = LogCapture.start();
        MetricsCapture metrics = MetricsCapture.start();

        try (logs; metrics) {
            assertThatThrownBy(() -> handler().handleRequest(input("{}"), new ByteArrayOutputStream(),
                    new FakeLambdaContext(FUNCTION_ARN, 180_000)))
                    .isInstanceOf(DependencyFailure.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
        }
        assertThat(metrics.emf()).as("no RunSucceeded").isEmpty();
        assertThat(logs.text()).doesNotContain("SECRET");
        AWS.verify(1, putRequestedFor(urlPathEqualTo("/" + BUCKET
                + "/snapshots/2026/11/23/2026-11-23T02%3A00%3A05Z.json")));
    }

    @Test
    void aPayloadThatIsNotJsonRunsAsOfNowAndSaysSo() throws Exception {
        stubEverything();
        try (LogCapture logs = LogCapture.start()) {
            handler().handleRequest(input("not json"), new ByteArrayOutputStream(),
                    new FakeLambdaContext(FUNCTION_ARN, 180_000));

            JsonNode first = logs.lines().get(0);
            assertThat(first.path("level").asText()).isEqualTo("WARN");
            assertThat(first.path("message").asText())
                    .isEqualTo("invocation input ignored, running as of now: the payload is not JSON");
        }
    }

    @Test
    void primingBeforeTheSnapStartSnapshotTouchesNoServer() throws Exception {
        HubMemberCheckHandler handler = handler();
        handler.priming.beforeCheckpoint(null);

        AWS.verify(0, anyRequestedFor(anyUrl()));
        assertThat(handler.priming.offlineAwsCalls())
                .as("the StackSet read of both primed runs and the secret read, answered inside the process")
                .isEqualTo(3);
    }

    private static HubMemberCheckHandler handler() {
        String base = AWS.baseUrl();
        CheckSettings settings = new CheckSettings(List.of("ap-northeast-1"), "ap-northeast-1", true,
                ZoneId.of("Asia/Tokyo"), Map.of("123456789333", "sandbox"));
        SecretsManagerSecretReader secrets = LocalSecretsManager.reader(base, "ap-northeast-1");
        HttpClient http = ChatHttp.client();
        SlackSender slack = new SlackSender(http, RetryPolicy.equalJitter(2, Duration.ofMillis(10),
                Duration.ofMillis(20)).withRandom(() -> 0.5), Duration.ofSeconds(2), Sleeper.REAL,
                URI.create(base + "/api/"), Pacer.NONE);
        ObjectMapper mapper = new ObjectMapper();
        MembershipCheck check = new MembershipCheck(settings,
                new SecurityHubMemberReader(Map.of("ap-northeast-1", LocalAws.securityHub(base, "ap-northeast-1"))),
                Optional.of(new OrganizationAccountReader(LocalAws.organizations(base))),
                new AccountRegionReader(LocalAws.account(base), Optional.of("123456789012")), Optional.empty(),
                new S3SnapshotStore(LocalAws.s3(base), BUCKET),
                new SlackReportPublisher(ChatFanOut.cached(new CachedSlackSecret(secrets,
                        "arn:aws:secretsmanager:secret:sw"), slack, ChatworkSender.create(http, Pacer.NONE)),
                        Duration.ofSeconds(10), Optional.empty()),
                new SnapshotCodec(mapper), new SlackReportRenderer(SectionBudget.DEFAULT),
                Clock.fixed(SCHEDULED.plusSeconds(5), ZoneOffset.UTC));
        return new HubMemberCheckHandler(check, mapper);
    }

    private static void stubEverything() {
        AWS.stubFor(get(urlPathEqualTo("/members"))
                .withHeader("Authorization", containing("/ap-northeast-1/securityhub/aws4_request"))
                .willReturn(okJson(AcceptanceData.text("securityhub/awscli-list-members-1.json"))));
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("AWSOrganizationsV20161128.ListAccounts"))
                .willReturn(okForContentType("application/x-amz-json-1.1", "{\"Accounts\":["
                        + "{\"Id\":\"123456789111\",\"Name\":\"prod\",\"Status\":\"ACTIVE\",\"State\":\"ACTIVE\"},"
                        + "{\"Id\":\"123456789222\",\"Name\":\"old\",\"Status\":\"SUSPENDED\",\"State\":\"SUSPENDED\"},"
                        + "{\"Id\":\"123456789333\",\"Name\":\"sbx\",\"Status\":\"ACTIVE\",\"State\":\"ACTIVE\"},"
                        + "{\"Id\":\"123456789012\",\"Name\":\"security\",\"Status\":\"ACTIVE\","
                        + "\"State\":\"ACTIVE\"}]}")));
        AWS.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("prefix", equalTo("snapshots/"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/"
                                + "doc/2006-03-01/\"><Name>" + BUCKET + "</Name><Prefix>snapshots/</Prefix>"
                                + "<IsTruncated>false</IsTruncated><Contents><Key>" + FRIDAY_KEY + "</Key>"
                                + "<Size>200</Size></Contents></ListBucketResult>")));
        AWS.stubFor(get(urlPathEqualTo("/" + BUCKET + "/snapshots/2026/11/20/2026-11-20T02%3A00%3A00Z.json"))
                .willReturn(okJson("{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"ap-northeast-1\":["
                        + "{\"accountId\":\"123456789111\",\"memberStatus\":\"Enabled\"},"
                        + "{\"accountId\":\"123456789222\",\"memberStatus\":\"ENABLED\"}]}}")));
        AWS.stubFor(put(urlPathEqualTo("/" + BUCKET + "/snapshots/2026/11/23/2026-11-23T02%3A00%3A05Z.json"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));
        AWS.stubFor(post(urlPathEqualTo("/listRegions")).willReturn(okJson("{\"Regions\":[{\"RegionName\":"
                + "\"ap-northeast-1\",\"RegionOptStatus\":\"ENABLED_BY_DEFAULT\"}]}")));
        AWS.stubFor(put(urlPathEqualTo("/" + BUCKET + "/organization/inventory.json"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"i\"")));
        AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(okForContentType("application/x-amz-json-1.1", "{\"Name\":\"sw\",\"SecretString\":"
                        + "\"{\\\"webhookUrl\\\":\\\"" + AWS.baseUrl() + WEBHOOK_PATH + "\\\"}\"}")));
        AWS.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private static ByteArrayInputStream input(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
