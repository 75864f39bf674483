package dev.securitywatch.lambdakit.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient field access for event JSON, where any field may be absent, null or of an unexpected type. */
public final class JsonFields {
    private JsonFields() {
    }

    /** The field as text, or null when it is absent, null, blank, or not a scalar. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
