package dev.securitywatch.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.indexer.setup.RestTarget;
import dev.securitywatch.indexer.setup.RestTarget.Reply;
import dev.securitywatch.indexer.setup.SetupException;
import java.io.IOException;
import java.util.Optional;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * Plain JSON REST calls for the setup: the ISM, security and Dashboards APIs have no typed client, so they go through
 * opensearch-java's generic client on the same signed transport.
 */
public final class OpenSearchRestTarget implements RestTarget {

    private final OpenSearchGenericClient client;
    private final String pathPrefix;
    private final ObjectMapper mapper;
    private final String description;

    public OpenSearchRestTarget(OpenSearchTransport transport, ClusterEndpoint endpoint, ObjectMapper mapper) {
        // Dashboards refuses writes without osd-xsrf (its CSRF guard); AwsSdk2Transport only sends option headers.
        this.client = new OpenSearchGenericClient(transport,
                transport.options().toBuilder().addHeader("osd-xsrf", "true").build());
        this.pathPrefix = endpoint.pathPrefix();
        this.mapper = mapper;
        this.description = endpoint.url();
    }

    @Override
    public Reply call(String method, String path, JsonNode body) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(pathPrefix + path);
        if (body != null) {
            request.json(body.toString());
        }
        try (Response response = client.execute(request.build())) {
            Optional<Body> responseBody = response.getBody();
            String text = responseBody.isPresent() ? responseBody.get().bodyAsString() : "";
            JsonNode json = text.isBlank() ? mapper.nullNode() : readOrText(text);
            return new Reply(response.getStatus(), json);
        } catch (OpenSearchException e) {
            // The transport turns authorization failures into exceptions; setup reports them like any refusal.
            return new Reply(e.status(), mapper.getNodeFactory().textNode(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new SetupException("cannot reach " + description + ": " + e.getMessage());
        }
    }

    private JsonNode readOrText(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException notJson) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
