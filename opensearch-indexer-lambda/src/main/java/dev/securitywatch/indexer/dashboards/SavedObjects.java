package dev.securitywatch.indexer.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.indexer.document.IndexNames;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Dashboards saved objects: index patterns, one saved search and one timeline visualization per audit
 * search, overview visualizations, and the "Security Watch" dashboard. The same objects are shipped as an
 * {@code .ndjson} file for a manual import (Dashboards Management, Saved objects, Import).
 */
public final class SavedObjects {
    public static final String EVENTS_PATTERN_ID = "security-events";
    public static final String FAILED_PATTERN_ID = "security-events-failed";
    public static final String DASHBOARD_ID = "security-watch-overview";
    /** Each description ends with this marker and a content hash; setup compares the marker, not migrated fields. */
    public static final String VERSION_MARKER = "[security-watch ";

    private static final String INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index";

    private final ObjectMapper mapper;

    public SavedObjects(ObjectMapper mapper) {
        // Sorted keys: the JSON strings inside objects, and so their hashes, are the same on every run.
        this.mapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public List<SavedObject> all() {
        List<SavedObject> objects = new ArrayList<>();
        objects.add(indexPattern(EVENTS_PATTERN_ID, IndexNames.MONTHLY_PATTERN, "Security Watch events"));
        objects.add(indexPattern(FAILED_PATTERN_ID, IndexNames.FAILED, "Security Watch events that failed to index"));
        List<SavedObject> panels = new ArrayList<>();
        panels.add(overview("security-watch-events-by-severity", "Events over time by severity",
                histogram("event.severity")));
        panels.add(overview("security-watch-cis-alarms", "CIS 4.1-4.15 and Security Watch searches: matches",
                cisFilters()));
        panels.add(overview("security-watch-events-by-category", "Events by category", pie("event.category")));
        panels.add(overview("security-watch-top-actors", "Top actors", table("user.name", "Actor")));
        panels.add(overview("security-watch-top-accounts", "Events by account", table("cloud.account.id",
                "Account")));
        panels.add(overview("security-watch-failed-calls", "Failed calls by action", table("event.action",
                "Action"), "event.outcome:failure"));
        for (AuditSearch search : AuditSearches.all()) {
            SavedObject saved = search(search);
            objects.add(saved);
            objects.add(timeline(search));
            panels.add(saved);
        }
        objects.addAll(panels);
        objects.add(dashboard(panels));
        return objects.stream().map(this::withVersion).toList();
    }

    /** One object per line, the format Dashboards imports. */
    public String toNdjson() {
        StringBuilder out = new StringBuilder();
        for (SavedObject object : all()) {
            ObjectNode line = mapper.createObjectNode();
            line.put("type", object.type());
            line.put("id", object.id());
            line.set("attributes", object.attributes());
            line.set("references", object.references());
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private SavedObject indexPattern(String id, String pattern, String description) {
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("title", pattern);
        attributes.put("timeFieldName", "@timestamp");
        attributes.put("description", description);
        return new SavedObject("index-pattern", id, attributes, mapper.createArrayNode());
    }

    private SavedObject search(AuditSearch search) {
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("title", search.title());
        attributes.put("description", search.control() + ": " + search.query());
        search.columns().forEach(attributes.withArray("columns")::add);
        attributes.putArray("sort").addArray().add("@timestamp").add("desc");
        attributes.put("hits", 0);
        attributes.put("version", 1);
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", json(Map.of(
                "query", Map.of("query", search.query(), "language", "lucene"),
                "filter", List.of(), "highlightAll", true, "version", true, "indexRefName", INDEX_REF)));
        return new SavedObject("search", search.id(), attributes, indexReference());
    }

    /** Matches of one search over time: the saved search is its data source. */
    private SavedObject timeline(AuditSearch search) {
        ObjectNode attributes = visualization(search.title() + " over time", histogram(null));
        attributes.put("savedSearchRefName", "search_0");
        attributes.put("description", search.control() + ": matches over time");
        ArrayNode references = mapper.createArrayNode();
        references.addObject().put("name", "search_0").put("type", "search").put("id", search.id());
        return new SavedObject("visualization", search.id() + "-timeline", attributes, references);
    }

    private SavedObject overview(String id, String title, Map<String, Object> visState) {
        return overview(id, title, visState, "");
    }

    private SavedObject overview(String id, String title, Map<String, Object> visState, String query) {
        ObjectNode attributes = visualization(title, visState);
        attributes.put("description", "Security Watch overview");
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", json(Map.of(
                "query", Map.of("query", query, "language", "lucene"), "filter", List.of(),
                "indexRefName", INDEX_REF)));
        return new SavedObject("visualization", id, attributes, indexReference());
    }

    private ObjectNode visualization(String title, Map<String, Object> visState) {
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("title", title);
        Map<String, Object> state = new LinkedHashMap<>(visState);
        state.put("title", title);
        attributes.put("visState", json(state));
        attributes.put("uiStateJSON", "{}");
        attributes.put("version", 1);
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON",
                json(Map.of("query", Map.of("query", "", "language", "lucene"), "filter", List.of())));
        return attributes;
    }

    private SavedObject dashboard(List<SavedObject> panels) {
        ArrayNode references = mapper.createArrayNode();
        List<Map<String, Object>> panelsJson = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            SavedObject panel = panels.get(i);
            String ref = "panel_" + i;
            references.addObject().put("name", ref).put("type", panel.type()).put("id", panel.id());
            // Two panels per row, 24 columns each; the first two (timelines) get the full width.
            boolean wide = i < 2;
            int row = wide ? i : 2 + (i - 2) / 2;
            panelsJson.add(Map.of("panelIndex", String.valueOf(i + 1), "panelRefName", ref, "embeddableConfig",
                    Map.of(), "gridData", Map.of("x", wide ? 0 : ((i - 2) % 2) * 24, "y", row * 15,
                            "w", wide ? 48 : 24, "h", 15, "i", String.valueOf(i + 1))));
        }
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("title", "Security Watch");
        attributes.put("description", "Security events from every member account: CIS 4.1-4.15, remediation,"
                + " Security Hub membership");
        attributes.put("panelsJSON", json(panelsJson));
        attributes.put("optionsJSON", json(Map.of("hidePanelTitles", false, "useMargins", true)));
        attributes.put("version", 1);
        attributes.put("timeRestore", true);
        attributes.put("timeFrom", "now-7d");
        attributes.put("timeTo", "now");
        attributes.putObject("refreshInterval").put("pause", true).put("value", 0);
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON",
                json(Map.of("query", Map.of("query", "", "language", "lucene"), "filter", List.of())));
        return new SavedObject("dashboard", DASHBOARD_ID, attributes, references);
    }

    private Map<String, Object> histogram(String splitField) {
        List<Map<String, Object>> aggs = new ArrayList<>();
        aggs.add(countMetric());
        aggs.add(Map.of("id", "2", "enabled", true, "type", "date_histogram", "schema", "segment",
                "params", Map.of("field", "@timestamp", "interval", "auto", "min_doc_count", 1,
                        "extended_bounds", Map.of())));
        if (splitField != null) {
            aggs.add(terms("3", "group", splitField, 5));
        }
        return Map.of("type", "histogram", "aggs", aggs, "params", Map.of("type", "histogram",
                "addTooltip", true, "addLegend", true, "legendPosition", "right", "times", List.of(),
                "addTimeMarker", false,
                "categoryAxes", List.of(Map.of("id", "CategoryAxis-1", "type", "category", "position", "bottom",
                        "show", true, "scale", Map.of("type", "linear"), "labels", Map.of("show", true,
                                "filter", true, "truncate", 100), "title", Map.of())),
                "valueAxes", List.of(Map.of("id", "ValueAxis-1", "name", "LeftAxis-1", "type", "value",
                        "position", "left", "show", true, "scale", Map.of("type", "linear", "mode", "normal"),
                        "labels", Map.of("show", true, "rotate", 0, "filter", false, "truncate", 100),
                        "title", Map.of("text", "Count"))),
                "seriesParams", List.of(Map.of("show", true, "type", "histogram", "mode", "stacked",
                        "data", Map.of("label", "Count", "id", "1"), "valueAxis", "ValueAxis-1"))));
    }

    /** One row per audit search, with its match count: the CIS alarm table at a glance. */
    private Map<String, Object> cisFilters() {
        List<Map<String, Object>> filters = AuditSearches.all().stream()
                .map(s -> Map.<String, Object>of("input", Map.of("query", s.query(), "language", "lucene"),
                        "label", s.title()))
                .toList();
        return Map.of("type", "table", "aggs", List.of(countMetric(), Map.of("id", "2", "enabled", true,
                        "type", "filters", "schema", "bucket", "params", Map.of("filters", filters))),
                "params", tableParams());
    }

    private Map<String, Object> pie(String field) {
        return Map.of("type", "pie", "aggs", List.of(countMetric(), terms("2", "segment", field, 10)),
                "params", Map.of("type", "pie", "addTooltip", true, "addLegend", true, "legendPosition", "right",
                        "isDonut", true, "labels", Map.of("show", false, "values", true, "last_level", true,
                                "truncate", 100)));
    }

    private Map<String, Object> table(String field, String label) {
        Map<String, Object> bucket = new LinkedHashMap<>(terms("2", "bucket", field, 20));
        bucket.put("params", Map.of("field", field, "size", 20, "order", "desc", "orderBy", "1",
                "customLabel", label));
        return Map.of("type", "table", "aggs", List.of(countMetric(), bucket), "params", tableParams());
    }

    private static Map<String, Object> tableParams() {
        return Map.of("perPage", 20, "showPartialRows", false, "showMetricsAtAllLevels", false, "showTotal", false,
                "totalFunc", "sum", "percentageCol", "");
    }

    private static Map<String, Object> countMetric() {
        return Map.of("id", "1", "enabled", true, "type", "count", "schema", "metric", "params", Map.of());
    }

    private static Map<String, Object> terms(String id, String schema, String field, int size) {
        return Map.of("id", id, "enabled", true, "type", "terms", "schema", schema,
                "params", Map.of("field", field, "size", size, "order", "desc", "orderBy", "1",
                        "missingBucket", true, "missingBucketLabel", "(none)"));
    }

    private ArrayNode indexReference() {
        ArrayNode references = mapper.createArrayNode();
        references.addObject().put("name", INDEX_REF).put("type", "index-pattern").put("id", EVENTS_PATTERN_ID);
        return references;
    }

    /** Appends the version marker: a hash of the object, so setup can tell whether the stored one is current. */
    private SavedObject withVersion(SavedObject object) {
        ObjectNode attributes = object.attributes().deepCopy();
        String hash = hash(object.type() + object.id() + attributes + object.references());
        String description = attributes.path("description").asText("");
        attributes.put("description", (description.isEmpty() ? "" : description + " ") + VERSION_MARKER + hash
                + "]");
        return new SavedObject(object.type(), object.id(), attributes, object.references());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The comparable part of a stored saved object: its description, which carries the version marker. */
    public static JsonNode versionView(JsonNode stored) {
        return stored.path("attributes").path("description");
    }
}
