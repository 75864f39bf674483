package dev.securitywatch.awslite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.securitywatch.awslite.http.PlainHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against WireMock answering in DynamoDB's JSON 1.0 wire format. */
class AwsJsonClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AwsCredentials CREDENTIALS = new AwsCredentials("ASIALOCAL", "local-secret", "local-token",
            null);
    private static WireMockServer wireMock;

    private final List<Duration> pauses = new ArrayList<>();
    private AwsJsonClient client;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @BeforeEach
    void setUp() {
        wireMock.resetAll();
        client = client(new AwsJsonClient.Retries(3, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(2)));
    }

    private AwsJsonClient client(AwsJsonClient.Retries retries) {
        return new AwsJsonClient(AwsJsonService.DYNAMODB, "eu-west-1", URI.create(wireMock.baseUrl() + "/"),
                () -> CREDENTIALS, new PlainHttp(), MAPPER, retries, pauses::add, () -> 1.0,
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
    }

    private static ObjectNode getItem() {
        ObjectNode request = MAPPER.createObjectNode().put("TableName", "ledger");
        request.putObject("Key").putObject("id").put("S", "event-1");
        return request;
    }

    @Test
    void sendsASignedJsonRequestAndReturnsTheDocument() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"Item\":{\"id\":{\"S\":\"event-1\"}}}")));

        JsonNode answer = client.call("GetItem", getItem());

        assertThat(answer.path("Item").path("id").path("S").asText()).isEqualTo("event-1");
        wireMock.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.GetItem"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.0"))
                .withHeader("X-Amz-Date", equalTo("20261128T000000Z"))
                .withHeader("X-Amz-Security-Token", equalTo("local-token"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=ASIALOCAL/20261128/eu-west-1/"
                        + "dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;"
                        + "x-amz-target, Signature=[0-9a-f]{64}"))
                .withRequestBody(equalToJson("{\"TableName\":\"ledger\",\"Key\":{\"id\":{\"S\":\"event-1\"}}}")));
    }

    @Test
    void aRefusalCarriesTheErrorTypeAndTheErrorDocument() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-RequestId", "REQ123")
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"message\":\"The conditional request failed\","
                        + "\"Item\":{\"state\":{\"S\":\"DELIVERED\"}}}")));

        assertThatThrownBy(() -> client.call("PutItem", getItem()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ConditionalCheckFailedException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.details().path("Item").path("state").path("S").asText()).isEqualTo("DELIVERED");
                    assertThat(e.getMessage()).isEqualTo("dynamodb:PutItem in eu-west-1 was refused:"
                            + " ConditionalCheckFailedException (HTTP 400, request id REQ123): The conditional request"
                            + " failed");
                });
        wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
        assertThat(pauses).isEmpty();
    }

    @Test
    void theErrorTypeHeaderIsUsedWhenTheBodyHasNone() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/")
                .withBody("")));

        assertThatThrownBy(() -> client.call("GetItem", getItem()))
                .isInstanceOfSatisfying(AwsCallException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("AccessDeniedException"));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithBackoff() {
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\"}"))
                .willSetStateTo("throttled"));
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(503).withBody("{}")).willSetStateTo("unavailable"));
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs("unavailable")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(client.call("GetItem", getItem()).isObject()).isTrue();

        wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheLastError() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500).withBody("")));

        assertThatThrownBy(() -> client.call("GetItem", getItem()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("http_500");
                    assertThat(e.getMessage()).isEqualTo("dynamodb:GetItem in eu-west-1 failed after 3 attempts"
                            + " (last error: http_500)");
                });
        wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aTimeoutIsRetriedAndThenReported() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("{}")
                .withFixedDelay(1_500)));
        AwsJsonClient impatient = client(new AwsJsonClient.Retries(2, Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofMillis(200)));

        assertThatThrownBy(() -> impatient.call("GetItem", getItem()))
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.errorCode()).isEqualTo("timeout"));
        wireMock.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aBrokenConnectionIsRetried() {
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("healed"));
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("reset").whenScenarioStateIs("healed")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":1}")));

        assertThat(client.call("GetItem", getItem()).path("ok").asInt()).isEqualTo(1);
    }

    @Test
    void aSuccessThatIsNotJsonIsReportedAsUnreadable() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));

        assertThatThrownBy(() -> client.call("GetItem", getItem()))
                .isInstanceOfSatisfying(AwsCallException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("unreadable_response"));
    }

    @Test
    void failuresNeverQuoteTheCredentials() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"ValidationException\",\"message\":\"bad\"}")));

        assertThatThrownBy(() -> client.call("GetItem", getItem()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("local-secret", "local-token"));
        wireMock.verify(postRequestedFor(urlEqualTo("/")).withHeader("Authorization", containing("ASIALOCAL")));
    }

    @Test
    void regionalEndpointsFollowThePartition() {
        assertThat(AwsJsonService.DYNAMODB.endpoint("ap-northeast-1"))
                .hasToString("https://dynamodb.ap-northeast-1.amazonaws.com/");
        assertThat(AwsJsonService.SECRETS_MANAGER.endpoint("cn-north-1"))
                .hasToString("https://secretsmanager.cn-north-1.amazonaws.com.cn/");
        assertThat(AwsJsonService.SECRETS_MANAGER.endpoint("us-gov-west-1"))
                .hasToString("https://secretsmanager.us-gov-west-1.amazonaws.com/");
    }
}
