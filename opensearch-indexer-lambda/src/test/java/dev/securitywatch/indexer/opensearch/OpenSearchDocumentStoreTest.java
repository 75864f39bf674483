package dev.securitywatch.indexer.opensearch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.indexer.bulk.StoreUnavailableException;
import dev.securitywatch.indexer.document.FailedDocuments;
import dev.securitywatch.indexer.document.IndexedDocument;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

/** The bulk adapter over the real transport, against a stub speaking OpenSearch's {@code _bulk} protocol. */
class OpenSearchDocumentStoreTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    private OpenSearchConnection connection;

    @BeforeEach
    void reset() {
        connection = OpenSearchConnection.open(ClusterEndpoint.parse("http://127.0.0.1:" + server.getPort()),
                Region.US_EAST_1, MAPPER);
    }

    @Test
    void partialFailureRetriesTheThrottledItemAndMovesTheMappingFailureToTheFailedIndex() {
        server.stubFor(post(urlPathEqualTo("/_bulk")).inScenario("bulk").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(bulkResponse(item("a", 201, null), item("b", 429, "es_rejected_execution_exception"),
                        item("c", 400, "mapper_parsing_exception"), item("d", 409, "version_conflict_engine_exception"))))
                .willSetStateTo("retry"));
        server.stubFor(post(urlPathEqualTo("/_bulk")).inScenario("bulk").whenScenarioStateIs("retry")
                .willReturn(okJson(bulkResponse(item("b", 201, null)))).willSetStateTo("failed"));
        server.stubFor(post(urlPathEqualTo("/_bulk")).inScenario("bulk").whenScenarioStateIs("failed")
                .withRequestBody(containing("security-events-failed"))
                .willReturn(okJson(bulkResponse(item("c", 201, null)))));

        IndexingSummary summary = indexer().index(documents("a", "b", "c", "d"));

        assertThat(summary).isEqualTo(new IndexingSummary(2, 1, 1, 1));
        server.verify(3, postRequestedFor(urlPathEqualTo("/_bulk")));
        server.verify(postRequestedFor(urlPathEqualTo("/_bulk")).withRequestBody(containing("\"create\""))
                .withRequestBody(containing("mapper_parsing_exception")));
    }

    @Test
    void wholeRequestRejectedWith503IsRetried() {
        server.stubFor(post(urlPathEqualTo("/_bulk")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"busy\"},\"status\":503}"))
                .willSetStateTo("up"));
        server.stubFor(post(urlPathEqualTo("/_bulk")).inScenario("503").whenScenarioStateIs("up")
                .willReturn(okJson(bulkResponse(item("a", 201, null)))));

        assertThat(indexer().index(documents("a"))).isEqualTo(new IndexingSummary(1, 0, 0, 0));
    }

    @Test
    void unreachableClusterFailsTheRunAfterRetries() {
        OpenSearchConnection closed = OpenSearchConnection.open(ClusterEndpoint.parse("http://127.0.0.1:9"),
                Region.US_EAST_1, MAPPER);
        BulkIndexer indexer = new BulkIndexer(closed.documentStore(), new FailedDocuments(MAPPER), retry(), d -> { },
                Clock.systemUTC(), BulkIndexer.DEFAULT_BATCH_SIZE);

        assertThatThrownBy(() -> indexer.index(documents("a")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("cannot reach OpenSearch");
    }

    private BulkIndexer indexer() {
        return new BulkIndexer(connection.documentStore(), new FailedDocuments(MAPPER), retry(), d -> { },
                Clock.systemUTC(), BulkIndexer.DEFAULT_BATCH_SIZE);
    }

    private static RetryPolicy retry() {
        return RetryPolicy.fullJitter(3, Duration.ofMillis(1), Duration.ofMillis(2)).withRandom(() -> 0.0);
    }

    private static List<IndexedDocument> documents(String... ids) {
        return Arrays.stream(ids).map(id -> new IndexedDocument("security-events-2026.11", id,
                MAPPER.createObjectNode().put("eventName", "CreateUser"))).toList();
    }

    private static String item(String id, int status, String errorType) {
        String error = errorType == null ? "" : ",\"error\":{\"type\":\"" + errorType + "\",\"reason\":\"r\"}";
        return "{\"create\":{\"_index\":\"security-events-2026.11\",\"_id\":\"" + id + "\",\"status\":" + status
                + error + "}}";
    }

    private static String bulkResponse(String... items) {
        return "{\"took\":1,\"errors\":true,\"items\":[" + String.join(",", items) + "]}";
    }
}
