package dev.securitywatch.indexer.opensearch;

import dev.securitywatch.indexer.bulk.DocumentStore;
import dev.securitywatch.indexer.bulk.StoreUnavailableException;
import dev.securitywatch.indexer.document.IndexedDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The document store on OpenSearch: one {@code _bulk} request of {@code create} operations per call. It calls the
 * bulk endpoint on the transport directly rather than through {@code OpenSearchClient}, which references every API
 * namespace and would keep thousands of unused classes in the Lambda jar.
 */
public final class OpenSearchDocumentStore implements DocumentStore {
    private final OpenSearchTransport transport;

    public OpenSearchDocumentStore(OpenSearchTransport transport) {
        this.transport = transport;
    }

    @Override
    public List<ItemOutcome> createAll(List<IndexedDocument> documents) {
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (IndexedDocument document : documents) {
            operations.add(BulkOperation.of(op -> op.create(create -> create
                    .index(document.index()).id(document.id()).document(document.source()))));
        }
        BulkResponse response;
        try {
            response = transport.performRequest(BulkRequest.of(bulk -> bulk.operations(operations)),
                    BulkRequest._ENDPOINT, null);
        } catch (OpenSearchException e) {
            throw new StoreUnavailableException("bulk request refused: HTTP " + e.status() + " " + e.error().type(),
                    e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot reach OpenSearch: " + e.getMessage(), e);
        }
        List<ItemOutcome> outcomes = new ArrayList<>(documents.size());
        for (BulkResponseItem item : response.items()) {
            ErrorCause error = item.error();
            outcomes.add(error == null ? new ItemOutcome(item.status(), null, null)
                    : new ItemOutcome(item.status(), error.type(), error.reason()));
        }
        return outcomes;
    }
}
