package dev.securitywatch.infra.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Catalog pattern JSON as the map CloudFormation properties take; key order is kept, so templates stay stable. */
public final class CfnPatterns {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CfnPatterns() {
    }

    public static Map<String, Object> toMap(String patternJson) {
        try {
            return MAPPER.readValue(patternJson, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog produced invalid pattern JSON: " + patternJson, e);
        }
    }
}
