package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * "Is what we want already there?" The cluster echoes settings back with defaults added and scalars as strings
 * ({@code "number_of_shards": "1"}, {@code "dynamic": "false"}), so the desired JSON must be contained in the
 * current JSON, with scalars compared by their text.
 */
final class JsonSubset {
    private JsonSubset() {
    }

    static boolean contains(JsonNode current, JsonNode desired) {
        if (desired.isObject()) {
            if (!current.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : desired.properties()) {
                JsonNode actual = current.get(field.getKey());
                if (actual == null ? !field.getValue().isNull() : !contains(actual, field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!current.isArray() || current.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(current.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return current.isValueNode() && current.asText().equals(desired.asText())
                && current.isNull() == desired.isNull();
    }
}
