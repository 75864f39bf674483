package dev.securitywatch.indexer.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Documents for the {@code security-events-failed} index: the raw text and why it could not be indexed. The raw
 * JSON is a text field, so it is still searchable, and an auditor can re-index it after fixing the cause.
 */
public final class FailedDocuments {
    private final ObjectMapper mapper;

    public FailedDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A document that OpenSearch refused (e.g. a mapping conflict); keeps its intended index and id. */
    public IndexedDocument rejected(IndexedDocument document, String errorType, String errorReason, Instant now) {
        return failed(document.source().toString(), errorType, errorReason, document.index(), document.id(), now);
    }

    /** A message that is not an event envelope at all; its id is derived from its content, so redelivery dedups. */
    public IndexedDocument unreadable(String raw, String reason, Instant now) {
        String id = UUID.nameUUIDFromBytes(raw.getBytes(StandardCharsets.UTF_8)).toString();
        return failed(raw, "unreadable_message", reason, null, id, now);
    }

    private IndexedDocument failed(String raw, String errorType, String errorReason, String intendedIndex,
                                   String id, Instant now) {
        ObjectNode source = mapper.createObjectNode();
        source.put("@timestamp", now.toString());
        source.put("raw", raw);
        ObjectNode error = source.putObject("error");
        error.put("type", errorType);
        error.put("reason", errorReason);
        if (intendedIndex != null) {
            source.put("target_index", intendedIndex);
        }
        source.put("target_id", id);
        return new IndexedDocument(IndexNames.FAILED, DocumentMapper.boundedId(id), source);
    }
}
