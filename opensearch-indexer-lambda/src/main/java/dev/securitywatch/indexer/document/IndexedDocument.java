package dev.securitywatch.indexer.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One document ready for a bulk {@code create}: the index it belongs to, its stable id (so a redelivery is a
 * duplicate, not a second copy) and its source.
 */
public record IndexedDocument(String index, String id, ObjectNode source) {
    public IndexedDocument {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
