package dev.securitywatch.catalog.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** Compact, key-sorted JSON for patterns, so synthesized templates are stable from run to run. */
public final class PatternJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PatternJson() {
    }

    public static String write(Map<String, Object> pattern) {
        try {
            return MAPPER.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pattern is not serializable: " + pattern, e);
        }
    }
}
