package dev.securitywatch.indexer.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.securitywatch.lambdakit.telemetry.Invocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The custom-resource handler (CDK {@code Provider} framework): Create and Update apply the setup idempotently,
 * Delete leaves everything in place (audit data and dashboards outlive a stack). Any failure throws, which fails the
 * deployment with the message.
 */
public final class SetupHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final String PHYSICAL_ID = "security-watch-opensearch-setup";

    private final OpenSearchSetup setup;

    public SetupHandler() {
        this(IndexerSettings.from(System.getenv(), Json.MAPPER));
    }

    SetupHandler(IndexerSettings environment) {
        this.setup = new OpenSearchSetup(environment);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Invocation ignored = Invocation.start(context)) {
            Object requestType = event.get("RequestType");
            Map<String, Object> data = switch (String.valueOf(requestType)) {
                case "Create", "Update" -> new LinkedHashMap<>(setup.apply());
                case "Delete" -> Map.of();
                default -> throw new IllegalArgumentException("unknown RequestType: " + requestType);
            };
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("PhysicalResourceId", Objects.requireNonNullElse(event.get("PhysicalResourceId"), PHYSICAL_ID));
            response.put("Data", data);
            return response;
        }
    }
}
