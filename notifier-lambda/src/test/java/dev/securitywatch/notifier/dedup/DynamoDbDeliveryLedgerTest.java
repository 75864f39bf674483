package dev.securitywatch.notifier.dedup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.securitywatch.notifier.service.DeliveryLedger.Claim;
import dev.securitywatch.notifier.service.DeliveryLedger.LedgerUnavailableException;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger against DynamoDB Local (started once for the class, on 127.0.0.1), and its failure path via WireMock. */
class DynamoDbDeliveryLedgerTest {
    private static final String TABLE = "security-watch-notifier-dedup";
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        dynamoDb = new LocalDynamoDb();
        dynamoDb.createTable(TABLE);
    }

    @AfterAll
    static void stopDynamoDbLocal() throws Exception {
        dynamoDb.close();
    }

    private final DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(dynamoDb.client(), MAPPER, TABLE,
            Duration.ofMinutes(15), Duration.ofDays(14));

    @Test
    void aDeliveredKeyIsADuplicateUntilItsTtl() {
        assertThat(ledger.claim("slack#cloudtrail:1", NOW)).isEqualTo(Claim.CLAIMED);
        ledger.confirm("slack#cloudtrail:1", NOW);

        assertThat(ledger.claim("slack#cloudtrail:1", NOW.plusSeconds(1))).isEqualTo(Claim.ALREADY_DELIVERED);
        assertThat(ledger.claim("slack#cloudtrail:1", NOW.plus(Duration.ofDays(3))))
                .isEqualTo(Claim.ALREADY_DELIVERED);
        JsonNode item = dynamoDb.item(TABLE, "slack#cloudtrail:1");
        assertThat(item.path("state").path("S").asText()).isEqualTo("DELIVERED");
        assertThat(item.path(DynamoDbDeliveryLedger.TTL_ATTRIBUTE).path("N").asText())
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

        assertThat(dynamoDb.item(TABLE, "slack#cloudtrail:3").isMissingNode()).isTrue();
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

    @Test
    void serviceErrorsBecomeLedgerUnavailableWithTheErrorCode() {
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        try {
            wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.PutItem"))
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                            .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                                    + "\"message\":\"Requested resource not found\"}")));
            DynamoDbDeliveryLedger broken = new DynamoDbDeliveryLedger(
                    LocalDynamoDb.client(URI.create(wireMock.baseUrl() + "/")), MAPPER, "missing-table",
                    Duration.ofMinutes(1), Duration.ofDays(1));

            assertThatThrownBy(() -> broken.claim("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("claim on table missing-table failed: ResourceNotFoundException");
            assertThatThrownBy(() -> broken.confirm("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class);
        } finally {
            wireMock.stop();
        }
    }
}
