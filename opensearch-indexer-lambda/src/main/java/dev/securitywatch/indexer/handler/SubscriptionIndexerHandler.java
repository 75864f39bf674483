package dev.securitywatch.indexer.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.indexer.ingest.EventIngester;
import dev.securitywatch.indexer.ingest.LogSource;
import dev.securitywatch.lambdakit.settings.SettingsException;
import dev.securitywatch.event.transport.LogBatch;
import dev.securitywatch.event.transport.SubscriptionDecoder;
import dev.securitywatch.indexer.opensearch.OpenSearchConnection;
import dev.securitywatch.lambdakit.telemetry.Invocation;
import java.util.Map;

/**
 * The CloudWatch Logs subscription target: decode the batch, index it, report counts as metrics. It fails the
 * invocation only when OpenSearch stays unreachable, so the subscription's retry and the DLQ keep the events.
 */
public final class SubscriptionIndexerHandler implements RequestHandler<CloudWatchLogsEvent, Map<String, Integer>> {
    private final SubscriptionDecoder decoder;
    private final EventIngester ingester;
    private final LogSource logSource;

    public SubscriptionIndexerHandler() {
        this(IndexerSettings.from(System.getenv(), Json.MAPPER));
    }

    SubscriptionIndexerHandler(IndexerSettings environment) {
        OpenSearchConnection connection = OpenSearchConnection.open(environment.endpoint(), environment.region(),
                Json.MAPPER);
        this.logSource = environment.logSource().orElseThrow(() -> new SettingsException(
                "EVENTS_LOG_GROUP and EVENTS_LOG_OWNER are not set: the indexer reads only the events log"));
        this.decoder = new SubscriptionDecoder(Json.MAPPER);
        this.ingester = IndexerWiring.ingester(Json.MAPPER, environment.catalog(), IndexWindow.LIVE,
                connection.documentStore(),
                BulkIndexer.DEFAULT_RETRY, Sleeper.REAL);
        new Priming(Json.MAPPER, environment.catalog()).register();
    }

    @Override
    public Map<String, Integer> handleRequest(CloudWatchLogsEvent event, Context context) {
        try (Invocation ignored = Invocation.start(context)) {
            LogBatch batch = decoder.decode(event.getAwsLogs().getData());
            IndexingSummary summary = ingester.ingestFrom(batch, logSource);
            IndexerMetrics.publish(batch, summary);
            return Map.of("indexed", summary.indexed(), "duplicates", summary.duplicates(),
                    "failed", summary.failed());
        }
    }
}
