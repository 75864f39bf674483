package dev.securitywatch.indexer.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.securitywatch.indexer.bulk.DocumentStore;
import dev.securitywatch.indexer.setup.RestTarget;
import org.opensearch.client.transport.OpenSearchTransport;
import software.amazon.awssdk.regions.Region;

/** One open transport to a cluster or Dashboards endpoint, and the adapters over it. Built once per container. */
public final class OpenSearchConnection implements AutoCloseable {
    private final OpenSearchTransport transport;
    private final ClusterEndpoint endpoint;
    private final ObjectMapper mapper;

    private OpenSearchConnection(OpenSearchTransport transport, ClusterEndpoint endpoint, ObjectMapper mapper) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.mapper = mapper;
    }

    public static OpenSearchConnection open(ClusterEndpoint endpoint, Region region, ObjectMapper mapper) {
        return new OpenSearchConnection(OpenSearchTransports.open(endpoint, region, mapper), endpoint, mapper);
    }

    public DocumentStore documentStore() {
        return new OpenSearchDocumentStore(transport);
    }

    public RestTarget restTarget() {
        return new OpenSearchRestTarget(transport, endpoint, mapper);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            // Closing the url-connection client releases nothing that could fail in a way a caller can act on.
        }
    }
}
