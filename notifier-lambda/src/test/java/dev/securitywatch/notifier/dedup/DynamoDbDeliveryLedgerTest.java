package dev.securitywatch.notifier.dedup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.securitywatch.notifier.service.DeliveryLedger.Claim;
import dev.securitywatch.notifier.service.DeliveryLedger.LedgerUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The ledger against DynamoDB Local embedded in the test JVM (no socket), and its failure path via WireMock. */
class DynamoDbDeliveryLedgerTest {
    private static final String TABLE = "security-watch-notifier-dedup";
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void startDynamoDbLocal() {
        local = DynamoDBEmbedded.create();
        dynamoDb = local.dynamoDbClient();
        dynamoDb.createTable(r -> r.tableName(TABLE)
                .keySchema(k -> k.attributeName(DynamoDbDeliveryLedger.KEY).keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName(DynamoDbDeliveryLedger.KEY)
                        .attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        local.shutdown();
    }

    private final DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(dynamoDb, TABLE, Duration.ofMinutes(15),
            Duration.ofDays(14));

    @Test
    void aDeliveredKeyIsADuplicateUntilItsTtl() {
        assertThat(ledger.claim("slack#cloudtrail:1", NOW)).isEqualTo(Claim.CLAIMED);
        ledger.confirm("slack#cloudtrail:1", NOW);

        assertThat(ledger.claim("slack#cloudtrail:1", NOW.plusSeconds(1))).isEqualTo(Claim.ALREADY_DELIVERED);
        assertThat(ledger.claim("slack#cloudtrail:1", NOW.plus(Duration.ofDays(3))))
                .isEqualTo(Claim.ALREADY_DELIVERED);
        Map<String, AttributeValue> item = item("slack#cloudtrail:1");
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

        assertThat(item("slack#cloudtrail:3")).isEmpty();
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
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(wireMock.baseUrl()))
                    .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                    .build();
            DynamoDbDeliveryLedger broken = new DynamoDbDeliveryLedger(client, "missing-table", Duration.ofMinutes(1),
                    Duration.ofDays(1));

            assertThatThrownBy(() -> broken.claim("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessage("claim on table missing-table failed: ResourceNotFoundException");
            assertThatThrownBy(() -> broken.confirm("slack#x", NOW)).isInstanceOf(LedgerUnavailableException.class);
        } finally {
            wireMock.stop();
        }
    }

    private static Map<String, AttributeValue> item(String key) {
        return dynamoDb.getItem(r -> r.tableName(TABLE).key(Map.of(DynamoDbDeliveryLedger.KEY,
                AttributeValue.fromS(key))).consistentRead(true)).item();
    }
}
