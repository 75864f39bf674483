package dev.securitywatch.catalog;

import java.util.Map;
import java.util.Objects;

/** One allowed value of an event-pattern field: an exact string or an EventBridge prefix/suffix match. */
public record Match(Kind kind, String value) {

    public enum Kind { EXACT, PREFIX, SUFFIX }

    public Match {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Match exact(String value) {
        return new Match(Kind.EXACT, value);
    }

    public static Match prefix(String value) {
        return new Match(Kind.PREFIX, value);
    }

    public static Match suffix(String value) {
        return new Match(Kind.SUFFIX, value);
    }

    /** The value as it appears inside an EventBridge pattern array. */
    public Object toPatternValue() {
        return switch (kind) {
            case EXACT -> value;
            case PREFIX -> Map.of("prefix", value);
            case SUFFIX -> Map.of("suffix", value);
        };
    }

    public boolean test(String candidate) {
        if (candidate == null) {
            return false;
        }
        return switch (kind) {
            case EXACT -> candidate.equals(value);
            case PREFIX -> candidate.startsWith(value);
            case SUFFIX -> candidate.endsWith(value);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> value;
            case PREFIX -> value + "*";
            case SUFFIX -> "*" + value;
        };
    }
}
