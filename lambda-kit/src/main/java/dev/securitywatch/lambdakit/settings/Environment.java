package dev.securitywatch.lambdakit.settings;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Lambda's settings as infra writes them into its environment. Every failure names the variable, so a
 * misconfigured deploy says what to fix on its first invocation.
 */
public final class Environment {
    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The variable's value; absent when it is unset or blank. */
    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new SettingsException(name + " is not set"));
    }

    public String orDefault(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** Parses the variable; a parser's IllegalArgumentException becomes a SettingsException naming the variable. */
    public <T> Optional<T> parsed(String name, Function<String, T> parser) {
        return optional(name).map(value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(name + ": " + e.getMessage(), e);
            }
        });
    }

    public <T> T parsed(String name, Function<String, T> parser, T fallback) {
        return parsed(name, parser).orElse(fallback);
    }
}
