package dev.securitywatch.indexer.bulk;

import dev.securitywatch.indexer.bulk.DocumentStore.ItemOutcome;
import dev.securitywatch.indexer.document.FailedDocuments;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes documents with bulk {@code create}, so a redelivered payload never makes a second copy:
 * <ul>
 *   <li>201 counts as indexed, 409 as a duplicate (already indexed by an earlier delivery);</li>
 *   <li>429 and 5xx items, and whole requests that cannot reach the cluster, are retried with backoff;</li>
 *   <li>any other item error (a mapping conflict) is permanent: the document goes to {@code security-events-failed}
 *       with its raw JSON and the error, so it is stored and alarmed on, not lost.</li>
 * </ul>
 * Only a cluster that stays unreachable or keeps throttling fails the run ({@link StoreUnavailableException}).
 */
public final class BulkIndexer {
    /** Documents per request: keeps a request around a few MB for CloudTrail-sized documents. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /**
     * 6 attempts, 200 ms doubling to 8 s with full jitter: the retries of concurrent Lambda instances spread out, so
     * they do not throttle the cluster in step.
     */
    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.fullJitter(6, Duration.ofMillis(200),
            Duration.ofSeconds(8));

    private final DocumentStore store;
    private final FailedDocuments failedDocuments;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int batchSize;

    public BulkIndexer(DocumentStore store, FailedDocuments failedDocuments, RetryPolicy retryPolicy, Sleeper sleeper,
                       Clock clock, int batchSize) {
        this.store = store;
        this.failedDocuments = failedDocuments;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public IndexingSummary index(List<IndexedDocument> documents) {
        IndexingSummary summary = IndexingSummary.EMPTY;
        for (int from = 0; from < documents.size(); from += batchSize) {
            summary = summary.plus(indexBatch(documents.subList(from, Math.min(documents.size(), from + batchSize))));
        }
        return summary;
    }

    /** Stores documents that are already known to be unindexable (e.g. unreadable log messages). */
    public IndexingSummary storeFailed(List<IndexedDocument> failed) {
        if (failed.isEmpty()) {
            return IndexingSummary.EMPTY;
        }
        Delivery delivery = deliver(failed);
        if (!delivery.rejected.isEmpty()) {
            Rejection first = delivery.rejected.get(0);
            throw new StoreUnavailableException(IndexingMessages.failedIndexRefused(delivery.rejected.size(),
                    first.outcome()));
        }
        return new IndexingSummary(0, 0, delivery.created + delivery.duplicates, delivery.retries);
    }

    private IndexingSummary indexBatch(List<IndexedDocument> batch) {
        Delivery delivery = deliver(batch);
        List<IndexedDocument> failed = new ArrayList<>();
        for (Rejection rejection : delivery.rejected) {
            failed.add(failedDocuments.rejected(rejection.document(), rejection.outcome().errorType(),
                    rejection.outcome().errorReason(), clock.instant()));
        }
        IndexingSummary failedSummary = storeFailed(failed);
        return new IndexingSummary(delivery.created, delivery.duplicates, failedSummary.failed(),
                delivery.retries + failedSummary.retries());
    }

    /** Sends until every document is created, a duplicate or permanently rejected; retries the rest with backoff. */
    private Delivery deliver(List<IndexedDocument> documents) {
        Delivery delivery = new Delivery();
        List<IndexedDocument> pending = documents;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                backOff(retryPolicy.delayAfter(attempt - 1));
            }
            List<ItemOutcome> outcomes;
            try {
                outcomes = store.createAll(pending);
            } catch (StoreUnavailableException e) {
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw e;
                }
                continue;
            }
            List<IndexedDocument> retry = new ArrayList<>();
            ItemOutcome lastRetryable = null;
            for (int i = 0; i < pending.size(); i++) {
                ItemOutcome outcome = outcomes.get(i);
                if (outcome.isCreated()) {
                    delivery.created++;
                } else if (outcome.isDuplicate()) {
                    delivery.duplicates++;
                } else if (outcome.isRetryable()) {
                    retry.add(pending.get(i));
                    lastRetryable = outcome;
                } else {
                    delivery.rejected.add(new Rejection(pending.get(i), outcome));
                }
            }
            if (retry.isEmpty()) {
                return delivery;
            }
            if (attempt >= retryPolicy.maxAttempts()) {
                throw new StoreUnavailableException(IndexingMessages.stillRefused(retry.size(), attempt,
                        lastRetryable));
            }
            delivery.retries += retry.size();
            pending = retry;
        }
    }

    private void backOff(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while backing off", e);
        }
    }

    private static final class Delivery {
        private int created;
        private int duplicates;
        private int retries;
        private final List<Rejection> rejected = new ArrayList<>();
    }

    private record Rejection(IndexedDocument document, ItemOutcome outcome) {
    }
}
