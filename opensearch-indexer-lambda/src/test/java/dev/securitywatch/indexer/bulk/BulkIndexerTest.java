package dev.securitywatch.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.indexer.bulk.DocumentStore.ItemOutcome;
import dev.securitywatch.indexer.document.FailedDocuments;
import dev.securitywatch.indexer.document.IndexNames;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkIndexerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ItemOutcome CREATED = ItemOutcome.created();
    private static final ItemOutcome EXISTS = new ItemOutcome(409, "version_conflict_engine_exception", "exists");
    private static final ItemOutcome THROTTLED = new ItemOutcome(429, "es_rejected_execution_exception", "queue");
    private static final ItemOutcome UNAVAILABLE = new ItemOutcome(503, "unavailable_shards_exception", "shard");
    private static final ItemOutcome MAPPING = new ItemOutcome(400, "mapper_parsing_exception", "bad field");

    private final List<Duration> sleeps = new ArrayList<>();

    /** Answers each call with the next scripted reply; records what was sent. */
    private static final class ScriptedStore implements DocumentStore {
        private final Deque<Function<List<IndexedDocument>, List<ItemOutcome>>> replies = new ArrayDeque<>();
        private final List<List<IndexedDocument>> calls = new ArrayList<>();

        ScriptedStore then(Function<List<IndexedDocument>, List<ItemOutcome>> reply) {
            replies.add(reply);
            return this;
        }

        ScriptedStore then(ItemOutcome... outcomes) {
            return then(docs -> List.of(outcomes));
        }

        @Override
        public List<ItemOutcome> createAll(List<IndexedDocument> documents) {
            calls.add(documents);
            if (replies.isEmpty()) {
                throw new AssertionError("unexpected call with " + documents.size() + " documents");
            }
            return replies.poll().apply(documents);
        }
    }

    @Test
    void countsCreatedAndDuplicates() {
        ScriptedStore store = new ScriptedStore().then(CREATED, EXISTS, CREATED);

        IndexingSummary summary = indexer(store).index(documents(3));

        assertThat(summary).isEqualTo(new IndexingSummary(2, 1, 0, 0));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retriesOnlyThrottledAndServerErrorItemsWithBackoff() {
        ScriptedStore store = new ScriptedStore()
                .then(CREATED, THROTTLED, UNAVAILABLE, EXISTS)
                .then(THROTTLED, CREATED)
                .then(CREATED);

        IndexingSummary summary = indexer(store).index(documents(4));

        assertThat(summary).isEqualTo(new IndexingSummary(3, 1, 0, 3));
        assertThat(store.calls.get(1)).extracting(IndexedDocument::id).containsExactly("doc-1", "doc-2");
        assertThat(store.calls.get(2)).extracting(IndexedDocument::id).containsExactly("doc-1");
        // Full jitter at 0.5 of 10 ms, then of 20 ms.
        assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void mappingFailureGoesToTheFailedIndexWithRawJsonAndError() {
        ScriptedStore store = new ScriptedStore().then(CREATED, MAPPING).then(CREATED);

        IndexingSummary summary = indexer(store).index(documents(2));

        assertThat(summary).isEqualTo(new IndexingSummary(1, 0, 1, 0));
        IndexedDocument failed = store.calls.get(1).get(0);
        assertThat(failed.index()).isEqualTo(IndexNames.FAILED);
        assertThat(failed.id()).isEqualTo("doc-1");
        assertThat(failed.source().path("raw").asText()).contains("\"n\":1");
        assertThat(failed.source().path("error").path("type").asText()).isEqualTo("mapper_parsing_exception");
        assertThat(failed.source().path("error").path("reason").asText()).isEqualTo("bad field");
        assertThat(failed.source().path("target_index").asText()).isEqualTo("security-events-2026.11");
    }

    @Test
    void redeliveredFailureIsStillCountedAsFailedNotLost() {
        ScriptedStore store = new ScriptedStore().then(MAPPING).then(EXISTS);

        assertThat(indexer(store).index(documents(1))).isEqualTo(new IndexingSummary(0, 0, 1, 0));
    }

    @Test
    void failsTheRunWhenItemsAreStillThrottledAfterEveryAttempt() {
        ScriptedStore store = new ScriptedStore();
        IntStream.range(0, 3).forEach(i -> store.then(THROTTLED));

        assertThatThrownBy(() -> indexer(store).index(documents(1)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("still refused after 3 attempts")
                .hasMessageContaining("429");
    }

    @Test
    void retriesAnUnreachableClusterThenFailsTheRun() {
        ScriptedStore store = new ScriptedStore();
        IntStream.range(0, 3).forEach(i -> store.then(docs -> {
            throw new StoreUnavailableException("connection refused");
        }));

        assertThatThrownBy(() -> indexer(store).index(documents(2)))
                .isInstanceOf(StoreUnavailableException.class).hasMessage("connection refused");
        assertThat(store.calls).hasSize(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void recoversWhenTheClusterComesBack() {
        ScriptedStore store = new ScriptedStore()
                .then(docs -> {
                    throw new StoreUnavailableException("connection refused");
                })
                .then(CREATED);

        assertThat(indexer(store).index(documents(1))).isEqualTo(new IndexingSummary(1, 0, 0, 0));
    }

    @Test
    void failsTheRunWhenTheFailedIndexRefusesTooSoNothingIsDroppedSilently() {
        ScriptedStore store = new ScriptedStore().then(MAPPING).then(MAPPING);

        assertThatThrownBy(() -> indexer(store).index(documents(1)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("failed-documents index refused 1 document(s)");
    }

    @Test
    void splitsLargeInputsIntoBatches() {
        ScriptedStore store = new ScriptedStore()
                .then(docs -> docs.stream().map(d -> CREATED).toList())
                .then(docs -> docs.stream().map(d -> CREATED).toList());
        BulkIndexer indexer = new BulkIndexer(store, new FailedDocuments(MAPPER), policy(3), sleeps::add,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 3);

        assertThat(indexer.index(documents(5)).indexed()).isEqualTo(5);
        assertThat(store.calls).extracting(List::size).containsExactly(3, 2);
    }

    @Test
    void theLambdasBackoffIsSixAttemptsFrom200MsDoublingTo8sWithFullJitter() {
        RetryPolicy policy = BulkIndexer.DEFAULT_RETRY;

        assertThat(policy.maxAttempts()).isEqualTo(6);
        assertThat(policy.spread()).isEqualTo(RetryPolicy.Spread.FULL);
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(failed -> policy.delayAfter(failed, 1.0))
                .map(Duration::toMillis)).containsExactly(200L, 400L, 800L, 1600L, 3200L, 6400L, 8000L);
    }

    @Test
    void anInterruptedBackoffFailsTheRunAndKeepsTheInterrupt() {
        ScriptedStore store = new ScriptedStore().then(THROTTLED).then(CREATED);
        BulkIndexer indexer = new BulkIndexer(store, new FailedDocuments(MAPPER), policy(3), wait -> {
            throw new InterruptedException("shutting down");
        }, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), BulkIndexer.DEFAULT_BATCH_SIZE);

        try {
            assertThatThrownBy(() -> indexer.index(documents(1))).isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("interrupted while backing off");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(store.calls).hasSize(1);
    }

    private BulkIndexer indexer(DocumentStore store) {
        return new BulkIndexer(store, new FailedDocuments(MAPPER), policy(3), sleeps::add,
                Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC), BulkIndexer.DEFAULT_BATCH_SIZE);
    }

    private static RetryPolicy policy(int attempts) {
        return RetryPolicy.fullJitter(attempts, Duration.ofMillis(10), Duration.ofMillis(100)).withRandom(() -> 0.5);
    }

    private static List<IndexedDocument> documents(int count) {
        return IntStream.range(0, count).mapToObj(i -> new IndexedDocument("security-events-2026.11", "doc-" + i,
                MAPPER.createObjectNode().put("n", i))).toList();
    }
}
