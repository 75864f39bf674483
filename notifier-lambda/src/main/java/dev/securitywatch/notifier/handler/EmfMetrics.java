package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.notifier.service.BatchResult;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format line per invocation, in the layout Powertools Metrics 2 writes (namespace
 * {@code SecurityWatch}, dimension {@code Service}). CloudWatch turns the log line into metrics; no API call.
 * Written here rather than with powertools-metrics: that library adds ~1 MB (commons-lang3, aws-embedded-metrics),
 * ~0.1 s to the first flush, and outside Lambda it probes for an EC2 or ECS environment before writing anything.
 */
final class EmfMetrics {
    static final String NAMESPACE = "SecurityWatch";

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final Clock clock;

    EmfMetrics(ObjectMapper mapper, PrintStream out, Clock clock) {
        this.mapper = mapper;
        this.out = out;
        this.clock = clock;
    }

    void publish(BatchResult result) {
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("Delivered", result.delivered());
        values.put("Duplicate", result.duplicates());
        values.put("Throttled", result.throttled());
        values.put("Fallback", result.fallback());
        values.put("Failed", result.failures().size());
        values.put("Muted", result.muted());
        values.put("PlainTextFallback", result.plainTextFallback());

        ObjectNode line = mapper.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Service");
        ArrayNode metrics = directive.putArray("Metrics");
        values.keySet().forEach(name -> metrics.addObject().put("Name", name).put("Unit", "Count"));
        line.put("Service", "security-watch-notifier");
        values.forEach(line::put);
        out.println(line);
    }
}
