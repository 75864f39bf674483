package dev.securitywatch.indexer.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.securitywatch.indexer.handler.IndexerSettings;
import dev.securitywatch.indexer.opensearch.OpenSearchConnection;
import dev.securitywatch.indexer.setup.SetupRunner;
import dev.securitywatch.indexer.setup.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom-resource handler (CDK {@code Provider} framework): Create and Update apply the setup idempotently,
 * Delete leaves everything in place (audit data and dashboards outlive a stack). Any failure throws, which fails the
 * deployment with the message.
 */
public final class SetupHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final String PHYSICAL_ID = "security-watch-opensearch-setup";

    private final IndexerSettings environment;

    public SetupHandler() {
        this(IndexerSettings.from(System.getenv(), Json.MAPPER));
    }

    SetupHandler(IndexerSettings environment) {
        this.environment = environment;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object requestType = event.get("RequestType");
        Map<String, Object> response = new LinkedHashMap<>();
        Object physicalId = event.get("PhysicalResourceId");
        response.put("PhysicalResourceId", physicalId != null ? physicalId : PHYSICAL_ID);
        if ("Delete".equals(requestType)) {
            response.put("Data", Map.of());
            return response;
        }
        if (!"Create".equals(requestType) && !"Update".equals(requestType)) {
            throw new IllegalArgumentException("unknown RequestType: " + requestType);
        }
        List<StepResult> results;
        try (OpenSearchConnection cluster = OpenSearchConnection.open(environment.endpoint(), environment.region(),
                Json.MAPPER);
             OpenSearchConnection dashboards = OpenSearchConnection.open(environment.endpoint().dashboards(),
                     environment.region(), Json.MAPPER)) {
            results = new SetupRunner(Json.MAPPER).run(cluster.restTarget(), dashboards.restTarget(),
                    environment.setup());
        }
        for (StepResult result : results) {
            if (context != null) {
                context.getLogger().log(result.change() + " " + result.name() + ": " + result.detail() + "\n");
            }
        }
        response.put("Data", new LinkedHashMap<>(SetupRunner.counts(results)));
        return response;
    }
}
