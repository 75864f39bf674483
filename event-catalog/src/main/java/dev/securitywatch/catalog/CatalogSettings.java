package dev.securitywatch.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a user changed through the {@code catalog} context key. The same JSON travels from cdk.json to the Lambdas
 * (as the {@code CATALOG_SETTINGS} environment variable), so synth, alerts and the audit index classify alike.
 *
 * @param enable          entry ids or category ids to switch on (e.g. opt-in entries)
 * @param disable         entry ids or category ids to switch off
 * @param extraEventNames more exact event names per entry id
 */
public record CatalogSettings(List<String> enable, List<String> disable, Map<String, List<String>> extraEventNames) {

    public static final CatalogSettings DEFAULTS = new CatalogSettings(List.of(), List.of(), Map.of());

    private static final Set<String> FIELDS = Set.of("enable", "disable", "extraEventNames");

    public CatalogSettings {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
        extraEventNames = Map.copyOf(extraEventNames);
    }

    /**
     * Reads {@code {"enable": [...], "disable": [...], "extraEventNames": {"entry-id": ["Name"]}}}; absent or null
     * means the defaults. Shape errors name the field; unknown ids are caught by {@link Catalog#configure}.
     */
    public static CatalogSettings fromJson(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return DEFAULTS;
        }
        if (!json.isObject()) {
            throw new CatalogSettingsException("(root)", "expected an object with enable, disable, extraEventNames");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new CatalogSettingsException(name, "unknown field; expected one of " + FIELDS);
            }
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        JsonNode extraJson = json.path("extraEventNames");
        if (!extraJson.isMissingNode() && !extraJson.isNull()) {
            if (!extraJson.isObject()) {
                throw new CatalogSettingsException("extraEventNames", "expected an object of entry id to names");
            }
            extraJson.properties().forEach(e ->
                    extra.put(e.getKey(), strings(e.getValue(), "extraEventNames." + e.getKey())));
        }
        return new CatalogSettings(strings(json.path("enable"), "enable"), strings(json.path("disable"), "disable"),
                extra);
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new CatalogSettingsException(field, "expected a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new CatalogSettingsException(field + "[" + i + "]", "expected a string, got " + node.get(i));
            }
            values.add(node.get(i).asText());
        }
        return values;
    }
}
