package dev.securitywatch.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.transport.LogBatch;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.DocumentStore;
import dev.securitywatch.indexer.document.IndexNames;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.indexer.handler.IndexerWiring;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lambda's ingest path with the cluster replaced by a recording store (the store is our own port). */
class EventIngesterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LogSource EVENTS_LOG = new LogSource("/security-watch/events", "999999999999");
    private static final String EVENT = "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"AWS API Call via"
            + " CloudTrail\",\"source\":\"aws.iam\",\"account\":\"111111111111\",\"region\":\"us-east-1\","
            + "\"time\":\"2026-12-04T05:00:00Z\",\"detail\":{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":"
            + "\"CreateUser\",\"eventID\":\"ct-1\",\"eventTime\":\"2026-12-04T05:00:00Z\",\"userIdentity\":"
            + "{\"type\":\"IAMUser\",\"userName\":\"alice\"}}}";

    private final List<IndexedDocument> stored = new ArrayList<>();
    private final DocumentStore store = documents -> {
        stored.addAll(documents);
        return documents.stream().map(document -> DocumentStore.ItemOutcome.created()).toList();
    };
    private final EventIngester ingester = IndexerWiring.ingester(MAPPER, Catalog.defaults(), IndexWindow.LIVE, store,
            BulkIndexer.DEFAULT_RETRY, wait -> { });

    @Test
    void theEventsLogOfThisAccountIsIndexedAsEvents() {
        ingester.ingestFrom(batch("/security-watch/events", "999999999999"), EVENTS_LOG);

        assertThat(stored).singleElement().satisfies(document -> {
            assertThat(document.index()).isEqualTo("security-events-2026.12");
            assertThat(document.id()).isEqualTo("ct-1");
        });
    }

    @Test
    void anotherLogGroupOrAccountIsKeptRawInTheFailedIndexNeverAsAnEvent() {
        ingester.ingestFrom(batch("/aws/lambda/attacker", "999999999999"), EVENTS_LOG);
        ingester.ingestFrom(batch("/security-watch/events", "666666666666"), EVENTS_LOG);

        assertThat(stored).hasSize(2).allSatisfy(document -> {
            assertThat(document.index()).isEqualTo(IndexNames.FAILED);
            assertThat(document.source().path("raw").asText()).isEqualTo(EVENT);
        });
        assertThat(stored.get(0).source().path("error").path("reason").asText()).isEqualTo("from log group"
                + " /aws/lambda/attacker of account 999999999999, not the events log /security-watch/events of"
                + " account 999999999999: not indexed as an event");
        assertThat(stored.get(1).source().path("error").path("reason").asText())
                .contains("of account 666666666666, not the events log");
    }

    private static LogBatch batch(String logGroup, String owner) {
        return new LogBatch(LogBatch.DATA_MESSAGE, owner, logGroup, "stream",
                List.of(new LogBatch.LogEvent("1", 1_796_360_460_000L, EVENT)));
    }
}
