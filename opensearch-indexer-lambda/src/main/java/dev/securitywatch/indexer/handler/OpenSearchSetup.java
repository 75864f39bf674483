package dev.securitywatch.indexer.handler;

import static dev.securitywatch.lambdakit.telemetry.LogFields.field;

import dev.securitywatch.indexer.opensearch.OpenSearchConnection;
import dev.securitywatch.indexer.setup.SetupRunner;
import dev.securitywatch.indexer.setup.StepResult;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setup against the configured domain and its Dashboards: one run of every step, one log line per step
 * ({@code change}, {@code object}, {@code detail}), and the counts per change for the custom resource's data.
 */
final class OpenSearchSetup {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchSetup.class);

    private final IndexerSettings environment;

    OpenSearchSetup(IndexerSettings environment) {
        this.environment = environment;
    }

    Map<String, Integer> apply() {
        List<StepResult> results;
        try (OpenSearchConnection cluster = OpenSearchConnection.open(environment.endpoint(), environment.region(),
                Json.MAPPER);
             OpenSearchConnection dashboards = OpenSearchConnection.open(environment.endpoint().dashboards(),
                     environment.region(), Json.MAPPER)) {
            results = new SetupRunner(Json.MAPPER).run(cluster.restTarget(), dashboards.restTarget(),
                    environment.setup());
        }
        for (StepResult result : results) {
            LOG.info("{}", result.change() + " " + result.name() + ": " + result.detail(),
                    field("change", result.change().name()), field("object", result.name()),
                    field("detail", result.detail()));
        }
        return SetupRunner.counts(results);
    }
}
