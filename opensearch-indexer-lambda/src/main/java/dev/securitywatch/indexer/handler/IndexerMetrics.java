package dev.securitywatch.indexer.handler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.event.transport.LogBatch;
import java.io.PrintStream;

/**
 * Writes each run's counts as one CloudWatch embedded-metric-format line: the metrics (namespace
 * {@value #NAMESPACE}) come from the log line itself, with no SDK call and no extra jar. The infra alarms on
 * {@code FailedDocuments > 0}.
 */
final class IndexerMetrics {
    static final String NAMESPACE = "SecurityWatch/Indexer";

    private final PrintStream out;

    IndexerMetrics(PrintStream out) {
        this.out = out;
    }

    void publish(LogBatch batch, IndexingSummary summary) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray();
        for (String name : new String[] {"IndexedDocuments", "DuplicateDocuments", "FailedDocuments", "Retries"}) {
            directive.withArray("Metrics").addObject().put("Name", name).put("Unit", "Count");
        }
        line.put("IndexedDocuments", summary.indexed());
        line.put("DuplicateDocuments", summary.duplicates());
        line.put("FailedDocuments", summary.failed());
        line.put("Retries", summary.retries());
        line.put("messageType", batch.messageType());
        line.put("logGroup", batch.logGroup());
        line.put("logEvents", batch.logEvents().size());
        out.println(line);
    }
}
