package dev.securitywatch.notifier.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** A JSON-valued environment variable; errors name the variable, never echo its value. */
public final class JsonSetting {
    private JsonSetting() {
    }

    /** Empty when unset or blank. */
    public static Optional<JsonNode> read(String name, String value, ObjectMapper mapper) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(value));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not JSON");
        }
    }
}
