package dev.securitywatch.indexer.document;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Lenient reading of the time stamps events carry. CloudTrail writes ISO-8601 instants, but exported and hand-made
 * records also use a space separator or omit the zone; those are read as UTC.
 */
public final class EventTimes {
    /** Earliest time accepted as a real event time: older values are typos, and would fall outside the template. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

    private EventTimes() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim().replace(' ', 'T');
        Instant parsed = null;
        try {
            parsed = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                parsed = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
        return parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST) ? Optional.empty() : Optional.of(parsed);
    }
}
