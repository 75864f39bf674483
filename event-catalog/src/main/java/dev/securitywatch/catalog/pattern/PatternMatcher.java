package dev.securitywatch.catalog.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.GenericMachine;

/**
 * Matches events with event-ruler, the engine EventBridge uses, so a match here is a match in AWS.
 * Not thread-safe to build; safe to query once built.
 */
public final class PatternMatcher<T> {
    private final GenericMachine<T> machine = GenericMachine.<T>builder().build();

    public PatternMatcher(Map<T, List<String>> patternsByName) {
        patternsByName.forEach((name, patterns) -> patterns.forEach(pattern -> add(name, pattern)));
    }

    private void add(T name, String pattern) {
        try {
            machine.addRule(name, pattern);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("event-ruler rejected the pattern of " + name + ": " + pattern, e);
        }
    }

    /** Names whose patterns match; EventBridge's array semantics apply. */
    public List<T> matches(JsonNode event) {
        try {
            return machine.rulesForJSONEvent(event);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("event-ruler could not read the event", e));
        }
    }
}
