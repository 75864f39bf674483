package dev.securitywatch.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** A context value with its key path, so every error names exactly what to fix, e.g. {@code memberAccounts[1].id}. */
final class ContextNode {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String key;
    private final JsonNode value;

    private ContextNode(String key, JsonNode value) {
        this.key = key;
        this.value = value;
    }

    /**
     * Wraps a raw context value. Values given with {@code -c key=value} arrive as strings, so a string that holds
     * JSON is read as JSON.
     */
    static ContextNode of(String key, Object raw) {
        JsonNode node = MAPPER.valueToTree(raw);
        if (node != null && node.isTextual()) {
            String text = node.asText().trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    node = MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new ContextException(key, "valid JSON", text);
                }
            }
        }
        return new ContextNode(key, node == null ? MAPPER.nullNode() : node);
    }

    String key() {
        return key;
    }

    boolean isAbsent() {
        return value == null || value.isNull() || value.isMissingNode();
    }

    JsonNode json() {
        return value;
    }

    ContextNode field(String name) {
        return new ContextNode(key + "." + name, value.path(name));
    }

    /** Rejects fields this object does not know: a typo must not silently fall back to a default. */
    ContextNode requireObject(Set<String> knownFields) {
        if (!value.isObject()) {
            throw new ContextException(key, "an object", value);
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw new ContextException(key + "." + name, "unknown setting; known settings are "
                        + knownFields.stream().sorted().toList());
            }
        }
        return this;
    }

    <T> List<T> list(BiFunction<ContextNode, Integer, T> element) {
        if (isAbsent()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ContextException(key, "a list", value);
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(element.apply(new ContextNode(key + "[" + i + "]", value.get(i)), i));
        }
        return items;
    }

    String text(String expected) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ContextException(key, expected, value.isNull() ? null : value);
        }
        return value.asText();
    }

    String text(Pattern form, String expected) {
        String text = text(expected);
        if (!form.matcher(text).matches()) {
            throw new ContextException(key, expected, "\"" + text + "\"");
        }
        return text;
    }

    Optional<String> optionalText(Pattern form, String expected) {
        return isAbsent() ? Optional.empty() : Optional.of(text(form, expected));
    }

    String textOr(String fallback, Pattern form, String expected) {
        return optionalText(form, expected).orElse(fallback);
    }

    int integer(int fallback, int min, int max) {
        if (isAbsent()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new ContextException(key, "a whole number from " + min + " to " + max, value);
        }
        return value.asInt();
    }

    boolean bool(boolean fallback) {
        if (isAbsent()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw new ContextException(key, "true or false", value);
    }
}
