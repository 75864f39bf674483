package dev.securitywatch.indexer.bulk;

import dev.securitywatch.indexer.document.IndexedDocument;
import java.util.List;

/** The port to the search cluster: one bulk {@code create} round trip. */
public interface DocumentStore {

    /**
     * Creates the documents (never overwrites) and returns one outcome per document, in order.
     *
     * @throws StoreUnavailableException when the cluster cannot be reached or rejects the whole request
     */
    List<ItemOutcome> createAll(List<IndexedDocument> documents);

    /**
     * What the cluster said about one document.
     *
     * @param status     the item's HTTP status (201 created, 409 exists, 429 throttled, 400 mapping error ...)
     * @param errorType  e.g. {@code mapper_parsing_exception}; null on success
     * @param errorReason the cluster's explanation; null on success
     */
    record ItemOutcome(int status, String errorType, String errorReason) {
        public static ItemOutcome created() {
            return new ItemOutcome(201, null, null);
        }

        public boolean isCreated() {
            return status >= 200 && status < 300;
        }

        public boolean isDuplicate() {
            return status == 409;
        }

        /** Throttling and server errors pass; anything else about this document will not. */
        public boolean isRetryable() {
            return status == 429 || status >= 500;
        }
    }
}
