package dev.securitywatch.notifier.dedup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.securitywatch.notifier.service.SuppressionTally.TallyUnavailableException;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tally with the real SDK client on DynamoDB Local (once for the class, on 127.0.0.1), and its failure. */
class DynamoDbSuppressionTallyTest {
    private static final String TABLE = "security-watch-notifier-dedup";
    /** Thursday of ISO week 2026-W49. */
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @BeforeAll
    static void createTable() {
        dynamoDb.createTable(TABLE);
    }

    private final DynamoDbSuppressionTally tally = new DynamoDbSuppressionTally(dynamoDb.client(), TABLE);

    @Test
    void countsAddUpPerEventNameInOneItemPerSuppressionAndWeekThatExpires() {
        tally.add(Map.of("terraform", Map.of("CreateTags", 3, "DeleteTags", 1)), NOW);
        tally.add(Map.of("terraform", Map.of("CreateTags", 2)), NOW.plusSeconds(60));

        assertThat(tally.hidden("terraform", "2026-W49")).isEqualTo(Map.of("CreateTags", 5, "DeleteTags", 1));
        assertThat(tally.hidden("terraform", "2026-W48")).isEmpty();
        assertThat(tally.hidden("other", "2026-W49")).isEmpty();
        Map<String, AttributeValue> item = dynamoDb.item(TABLE, "suppressed#terraform#2026-W49");
        assertThat(item.get(DynamoDbDeliveryLedger.TTL_ATTRIBUTE).n()).isEqualTo(Long.toString(
                NOW.plusSeconds(60).plus(Duration.ofDays(35)).getEpochSecond()));
    }

    @Test
    void concurrentInvocationsAddUpWithoutLosingCounts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> adds = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                adds.add(pool.submit(() -> tally.add(Map.of("concurrent", Map.of("CreateTags", 1)), NOW)));
            }
            for (Future<?> add : adds) {
                add.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(tally.hidden("concurrent", "2026-W49")).isEqualTo(Map.of("CreateTags", 20));
    }

    @Test
    void anEventNameIsAnAttributeNameNeverPartOfTheExpression() {
        tally.add(Map.of("odd", Map.of("a, #ttl = :ttl REMOVE x", 1)), NOW);

        assertThat(tally.hidden("odd", "2026-W49")).isEqualTo(Map.of("a, #ttl = :ttl REMOVE x", 1));
    }

    @Test
    void anUnreachableOrRefusingTableIsNamedByItsErrorCode() {
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        try {
            wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#AccessDeniedException\","
                            + "\"message\":\"not allowed\"}")));
            DynamoDbSuppressionTally remote = new DynamoDbSuppressionTally(
                    LocalDynamoDb.client(URI.create(wireMock.baseUrl())), "t");

            assertThatThrownBy(() -> remote.add(Map.of("x", Map.of("CreateTags", 1)), NOW))
                    .isInstanceOf(TallyUnavailableException.class)
                    .hasMessage("add to the suppression tally in table t failed: AccessDeniedException");
            assertThatThrownBy(() -> remote.hidden("x", "2026-W49"))
                    .isInstanceOf(TallyUnavailableException.class)
                    .hasMessage("read the suppression tally in table t failed: AccessDeniedException");
        } finally {
            wireMock.stop();
        }
    }
}
