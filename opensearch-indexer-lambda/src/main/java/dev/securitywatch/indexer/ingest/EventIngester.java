package dev.securitywatch.indexer.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.event.transport.LogBatch;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.indexer.document.DocumentMapper;
import dev.securitywatch.indexer.document.FailedDocuments;
import dev.securitywatch.indexer.document.IndexedDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexer's use case: messages in, documents stored. Event envelopes become search documents; anything that is
 * not an event goes to the failed index with its raw text, so nothing is dropped.
 */
public final class EventIngester {
    private final EnvelopeParser parser;
    private final DocumentMapper mapper;
    private final FailedDocuments failedDocuments;
    private final BulkIndexer indexer;
    private final Clock clock;

    public EventIngester(EnvelopeParser parser, DocumentMapper mapper, FailedDocuments failedDocuments,
                         BulkIndexer indexer, Clock clock) {
        this.parser = parser;
        this.mapper = mapper;
        this.failedDocuments = failedDocuments;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** A subscription batch; a control message is only a reachability check and indexes nothing. */
    public IndexingSummary ingest(LogBatch batch) {
        if (!batch.isData()) {
            return IndexingSummary.EMPTY;
        }
        Prepared prepared = new Prepared();
        for (DeliveredRecord record : batch.records(parser)) {
            prepared.add(record.messages(), record.sentAt().orElseGet(clock::instant));
        }
        return store(prepared);
    }

    /**
     * A subscription batch in the Lambda: only the events log of this account is the audit trail. A batch from any
     * other log group or account is kept in the failed index, raw and with the reason, never as events.
     */
    public IndexingSummary ingestFrom(LogBatch batch, LogSource expected) {
        if (!batch.isData() || expected.produced(batch)) {
            return ingest(batch);
        }
        String reason = "from log group " + batch.logGroup() + " of account " + batch.owner() + ", not the events log "
                + expected.logGroup() + " of account " + expected.owner() + ": not indexed as an event";
        List<IndexedDocument> refused = batch.logEvents().stream()
                .map(event -> failedDocuments.unreadable(event.message(), reason, clock.instant())).toList();
        return indexer.storeFailed(refused);
    }

    /** Parsed JSON from a file: an envelope, a CloudTrail record or log file, or a bare finding. */
    public IndexingSummary ingest(JsonNode json, Instant receivedAt) {
        return store(prepare(json, receivedAt));
    }

    public Prepared prepare(JsonNode json, Instant receivedAt) {
        Prepared prepared = new Prepared();
        prepared.add(parser.parse(json), receivedAt);
        return prepared;
    }

    public IndexingSummary store(Prepared prepared) {
        return indexer.index(prepared.documents).plus(indexer.storeFailed(prepared.unreadable));
    }

    /** Documents ready to send, and the messages that could not be read as events. */
    public final class Prepared {
        private final List<IndexedDocument> documents = new ArrayList<>();
        private final List<IndexedDocument> unreadable = new ArrayList<>();

        private void add(List<InboundMessage> messages, Instant receivedAt) {
            for (InboundMessage message : messages) {
                if (message instanceof EventEnvelope envelope) {
                    documents.addAll(mapper.map(envelope, receivedAt));
                } else if (message instanceof UnreadableMessage unreadableMessage) {
                    unreadable.add(failedDocuments.unreadable(unreadableMessage.raw(), unreadableMessage.reason(),
                            clock.instant()));
                }
            }
        }

        public List<IndexedDocument> documents() {
            return List.copyOf(documents);
        }

        public List<IndexedDocument> unreadable() {
            return List.copyOf(unreadable);
        }
    }
}
