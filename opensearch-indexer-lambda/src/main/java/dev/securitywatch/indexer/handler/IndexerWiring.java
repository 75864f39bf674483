package dev.securitywatch.indexer.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.DocumentStore;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.indexer.document.DocumentMapper;
import dev.securitywatch.indexer.document.FailedDocuments;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.indexer.ingest.EventIngester;
import java.time.Clock;

/** Wires the indexer's use case; the handler, the CLI, the tests and the benchmark all build it here. */
public final class IndexerWiring {
    private IndexerWiring() {
    }

    /** @param window {@link IndexWindow#LIVE} in the Lambda, {@link IndexWindow#BACKFILL} for files from history */
    public static EventIngester ingester(ObjectMapper mapper, Catalog catalog, IndexWindow window, DocumentStore store,
                                         RetryPolicy retryPolicy, Sleeper sleeper) {
        Clock clock = Clock.systemUTC();
        FailedDocuments failed = new FailedDocuments(mapper);
        BulkIndexer indexer = new BulkIndexer(store, failed, retryPolicy, sleeper, clock,
                BulkIndexer.DEFAULT_BATCH_SIZE);
        return new EventIngester(new EnvelopeParser(mapper), new DocumentMapper(mapper, catalog, window), failed, indexer,
                clock);
    }
}
