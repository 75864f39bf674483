package dev.securitywatch.lambdakit.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings that grow with the deployment (one entry per member account) and would not fit Lambda's 4 KB
 * environment: infra ships them in a layer as a JSON object of variable name to value, and {@code SETTINGS_FILE}
 * names the file. They join the environment under the same names, so readers do not know where a value came from.
 */
public final class SettingsFile {
    public static final String VARIABLE = "SETTINGS_FILE";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SettingsFile() {
    }

    /** The environment and the file's settings together; the environment alone without {@code SETTINGS_FILE}. */
    public static Map<String, String> withFile(Map<String, String> environment) {
        String file = environment.get(VARIABLE);
        if (file == null || file.isBlank()) {
            return environment;
        }
        JsonNode settings;
        try {
            settings = MAPPER.readTree(Path.of(file).toFile());
        } catch (IOException e) {
            throw new SettingsException(VARIABLE + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (settings == null || !settings.isObject()) {
            throw new SettingsException(VARIABLE + ": " + file + " must hold a JSON object of name to text");
        }
        Map<String, String> merged = new HashMap<>(environment);
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            if (!setting.getValue().isTextual()) {
                throw new SettingsException(VARIABLE + ": " + setting.getKey() + " in " + file + " must be text");
            }
            if (merged.putIfAbsent(setting.getKey(), setting.getValue().asText()) != null) {
                throw new SettingsException(setting.getKey() + " is set both in the environment and in " + file);
            }
        }
        return merged;
    }
}
