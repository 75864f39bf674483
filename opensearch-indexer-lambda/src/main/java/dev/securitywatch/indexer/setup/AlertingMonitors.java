package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.indexer.dashboards.AuditSearch;
import dev.securitywatch.indexer.dashboards.AuditSearches;
import dev.securitywatch.indexer.document.IndexNames;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSearch Alerting monitors as code, so the audit side alerts on its own: one for CRITICAL and one for HIGH
 * events, and one per CIS 4.x saved search. Each runs every 5 minutes over the last 10 (an overlap, so an event
 * indexed late is not missed) and triggers on any hit. They have no action: attach a notification channel in
 * Dashboards' Alerting, or read them there. Monitors get generated ids, so each is found by its name.
 */
final class AlertingMonitors {
    static final String MONITORS = "/_plugins/_alerting/monitors";
    static final String PREFIX = "Security Watch: ";

    private final ObjectMapper mapper;

    AlertingMonitors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<ManagedObject> all() {
        List<ManagedObject> monitors = new ArrayList<>();
        monitors.add(monitor(PREFIX + "CRITICAL events", "event.severity:CRITICAL", "1"));
        monitors.add(monitor(PREFIX + "HIGH events", "event.severity:HIGH", "2"));
        for (AuditSearch search : AuditSearches.all()) {
            if (search.id().startsWith("security-watch-cis-")) {
                monitors.add(monitor(PREFIX + search.title(), search.query(), "3"));
            }
        }
        return monitors;
    }

    private ManagedObject monitor(String name, String luceneQuery, String triggerSeverity) {
        ObjectNode monitor = mapper.createObjectNode().put("type", "monitor")
                .put("monitor_type", "query_level_monitor").put("name", name).put("enabled", true);
        monitor.putObject("schedule").putObject("period").put("interval", 5).put("unit", "MINUTES");
        ObjectNode search = monitor.putArray("inputs").addObject().putObject("search");
        search.putArray("indices").add(IndexNames.MONTHLY_PATTERN);
        ArrayNode filter = search.putObject("query").put("size", 0).putObject("query").putObject("bool")
                .putArray("filter");
        filter.addObject().putObject("range").putObject("@timestamp")
                .put("gte", "{{period_end}}||-10m").put("lte", "{{period_end}}").put("format", "epoch_millis");
        filter.addObject().putObject("query_string").put("query", luceneQuery);
        ObjectNode trigger = monitor.putArray("triggers").addObject().put("name", "Any match")
                .put("severity", triggerSeverity);
        trigger.putObject("condition").putObject("script").put("source", "ctx.results[0].hits.total.value > 0")
                .put("lang", "painless");
        trigger.putArray("actions");
        // The cluster stores triggers in another shape than it takes them; the rest is compared.
        ObjectNode desired = monitor.deepCopy();
        desired.remove("triggers");
        ObjectNode byName = mapper.createObjectNode().put("size", 10);
        byName.putObject("query").putObject("match_phrase").put("monitor.name", name);
        return new ManagedObject("monitor " + name, MONITORS + "/_search", byName, reply -> hit(reply, name)
                .path("_source"), desired, found -> found == null ? "POST" : "PUT",
                (found, path) -> found == null ? MONITORS : MONITORS + "/" + hit(found, name).path("_id").asText(),
                monitor, true);
    }

    /** The search hit whose monitor has exactly this name (a phrase match may find longer names too). */
    private static JsonNode hit(JsonNode reply, String name) {
        for (JsonNode hit : reply.path("hits").path("hits")) {
            if (name.equals(hit.path("_source").path("name").asText())) {
                return hit;
            }
        }
        return MissingNode.getInstance();
    }
}
