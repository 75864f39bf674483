package dev.securitywatch.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The repository's default cdk.json context, as `npx cdk synth` sees it, with per-test overrides. */
public final class DefaultContext {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DefaultContext() {
    }

    public static Map<String, Object> withOverrides(Map<String, Object> overrides) {
        try {
            JsonNode cdkJson = MAPPER.readTree(Path.of("..", "cdk.json").toFile());
            Map<String, Object> context = MAPPER.convertValue(cdkJson.path("context"), new TypeReference<>() { });
            Map<String, Object> merged = new LinkedHashMap<>(context);
            merged.putAll(overrides);
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> get() {
        return withOverrides(Map.of());
    }
}
