package dev.securitywatch.notifier.dedup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.securitywatch.notifier.service.DeliveryLedger.Claim;
import dev.securitywatch.notifier.service.DeliveryLedger.LedgerUnavailableException;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger with the real SDK client against DynamoDB Local (started once for the class, on 127.0.0.1), and its
 * wire-level behaviour (the ALL_OLD claim, SDK retries, failures) against WireMock speaking DynamoDB's JSON 1.0.
 */
class DynamoDbDeliveryLedgerTest {
    private static final String TABLE = "security-watch-notifier-dedup";
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @BeforeAll
    static void createTable() {
        dynamoDb.createTable(TABLE);
    }

    private final DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(dynamoDb.client(), TABLE,
            Duration.ofMinutes(15), Duration.ofDays(14));

    @Test
    void aDeliveredKeyIsADuplicateUntilItsTtl() {
        assertThat(ledger.claim("slack#cloudtrail:1", NOW)).isEqualTo(Claim.CLAIMED);
        ledger.confirm("slack#cloudtrail:1", NOW);

        assertThat(ledger.claim("slack#cloudtrail:1", NOW.plusSeconds(1))).isEqualTo(Claim.ALREADY_DELIVERED);
        assertThat(ledger.claim("slack#cloudtrail:1", NOW.plus(Duration.ofDays(3))))
                .isEqualTo(Claim.ALREADY_DELIVERED);
        Map<String, AttributeValue> item = dynamoDb.item(TABLE, "slack#cloudtrail:1");
        assertThat(item.get("state").s()).isEqualTo("DELIVERED");
        assertThat(item.get(DynamoDbDeliveryLedger.TTL_ATTRIBUTE).n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(14)).getEpochSecond()));
    }

    @Test
    void aHeldClaimBlocksAConcurrentDeliveryUntilItsLeaseEnds() {
        assertThat(ledger.claim("slack#cloudtrail:2", NOW)).isEqualTo(Claim.CLAIMED);

        assertThat(ledger.claim("slack#cloudtrail:2", NOW.plusSeconds(60))).isEqualTo(Claim.IN_PROGRESS);
        // The first Lambda died without confirming or releasing: after the lease the message is not lost.
        assertThat(ledger.claim("slack#cloudtrail:2", NOW.plus(Duration.ofMinutes(16)))).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aReleasedClaimCanBeDeliveredByTheRetry() {
        assertThat(ledger.claim("slack#cloudtrail:3", NOW)).isEqualTo(Claim.CLAIMED);
        ledger.release("slack#cloudtrail:3");

        assertThat(dynamoDb.item(TABLE, "slack#cloudtrail:3")).isEmpty();
        assertThat(ledger.claim("slack#cloudtrail:3", NOW.plusSeconds(5))).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void releaseNeverDeletesADeliveredRecord() {
        ledger.claim("slack#cloudtrail:4", NOW);
        ledger.confirm("slack#cloudtrail:4", NOW);

        ledger.release("slack#cloudtrail:4");

        assertThat(ledger.claim("slack#cloudtrail:4", NOW.plusSeconds(5))).isEqualTo(Claim.ALREADY_DELIVERED);
    }

    @Test
    void sinksAreDeduplicatedSeparately() {
        ledger.claim("slack#cloudtrail:5", NOW);
        ledger.confirm("slack#cloudtrail:5", NOW);

        assertThat(ledger.claim("chatwork#cloudtrail:5", NOW)).isEqualTo(Claim.CLAIMED);
    }

    @Nested
    class OnTheWire {
        private static final String JSON_10 = "application/x-amz-json-1.0";
        private WireMockServer wireMock;
        private DynamoDbDeliveryLedger remote;

        @BeforeEach
        void start() {
            wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            wireMock.start();
            remote = new DynamoDbDeliveryLedger(LocalDynamoDb.client(URI.create(wireMock.baseUrl())), "ledger",
                    Duration.ofMinutes(1), Duration.ofDays(1));
        }

        @AfterEach
        void stop() {
            wireMock.stop();
        }

        private ResponseDefinitionBuilder error(int status, String type) {
            return aResponse().withStatus(status).withHeader("Content-Type", JSON_10)
                    .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"m\"}");
        }

        @Test
        void aTakenClaimReadsTheOldItemFromTheRefusalWithoutASecondCall() {
            wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.PutItem"))
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_10)
                            .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                                    + "ConditionalCheckFailedException\",\"message\":\"The conditional request"
                                    + " failed\",\"Item\":{\"id\":{\"S\":\"slack#x\"},\"state\":{\"S\":"
                                    + "\"DELIVERED\"}}}")));

            assertThat(remote.claim("slack#x", NOW)).isEqualTo(Claim.ALREADY_DELIVERED);

            wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.PutItem"))
                    .withRequestBody(matchingJsonPath("$.ReturnValuesOnConditionCheckFailure", equalTo("ALL_OLD")))
                    .withRequestBody(matchingJsonPath("$.Item.state.S", equalTo("SENDING"))));
            wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void throttlingIsRetriedByTheSdk() {
            wireMock.stubFor(post(urlEqualTo("/")).inScenario("busy").whenScenarioStateIs(STARTED)
                    .willReturn(error(400, "ProvisionedThroughputExceededException")).willSetStateTo("calm"));
            wireMock.stubFor(post(urlEqualTo("/")).inScenario("busy").whenScenarioStateIs("calm")
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_10).withBody("{}")));

            assertThat(remote.claim("slack#x", NOW)).isEqualTo(Claim.CLAIMED);
            wireMock.verify(2, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void persistentServerErrorsMakeTheLedgerUnavailableAfterTheSdksAttempts() {
            wireMock.stubFor(post(urlEqualTo("/")).willReturn(error(500, "InternalServerError")));

            assertThatThrownBy(() -> remote.confirm("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("confirm on table ledger failed: InternalServerError");
            wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void serviceErrorsBecomeLedgerUnavailableWithTheErrorCode() {
            wireMock.stubFor(post(urlEqualTo("/")).willReturn(error(400, "ResourceNotFoundException")));

            assertThatThrownBy(() -> remote.claim("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("claim on table ledger failed: ResourceNotFoundException");
            assertThatThrownBy(() -> remote.release("slack#x")).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("release on table ledger failed: ResourceNotFoundException");
            wireMock.verify(2, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void aReleaseWhoseConditionFailsIsNotAnError() {
            wireMock.stubFor(post(urlEqualTo("/")).willReturn(error(400, "ConditionalCheckFailedException")));

            remote.release("slack#x");

            wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.DeleteItem")));
        }

        @Test
        void anUnreachableTableIsUnavailableNamingTheClientFailure() {
            wireMock.stop();

            assertThatThrownBy(() -> remote.claim("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("claim on table ledger failed: SdkClientException");
        }
    }
}
