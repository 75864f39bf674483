package dev.securitywatch.indexer.handler;

import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.event.transport.LogBatch;
import dev.securitywatch.lambdakit.telemetry.LambdaMetrics;
import java.util.Optional;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Each run's counts as one EMF line (lambda-kit's {@link LambdaMetrics}: namespace {@code SecurityWatch}, dimension
 * {@code Service} = {@code security-watch-indexer}), with the batch's log group and size as metadata. The infra
 * alarms on {@code FailedDocuments > 0}.
 */
final class IndexerMetrics {
    private IndexerMetrics() {
    }

    static void publish(LogBatch batch, IndexingSummary summary) {
        LambdaMetrics.publish(metrics -> {
            metrics.addMetric("IndexedDocuments", summary.indexed(), MetricUnit.COUNT);
            metrics.addMetric("DuplicateDocuments", summary.duplicates(), MetricUnit.COUNT);
            metrics.addMetric("FailedDocuments", summary.failed(), MetricUnit.COUNT);
            metrics.addMetric("Retries", summary.retries(), MetricUnit.COUNT);
            // A control message may name no log group; EMF metadata takes no null.
            Optional.ofNullable(batch.messageType()).ifPresent(type -> metrics.addMetadata("messageType", type));
            Optional.ofNullable(batch.logGroup()).ifPresent(group -> metrics.addMetadata("logGroup", group));
            metrics.addMetadata("logEvents", batch.logEvents().size());
        });
    }
}
