package dev.securitywatch.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one reading of the time stamps events carry, and their display form. CloudTrail writes ISO-8601 instants, but
 * exported and hand-made records also use a space separator or omit the zone; those are read as UTC. CloudWatch alarm
 * times have an offset without a colon ({@code +0000}).
 */
public final class EventTimes {
    /** Earliest time accepted as a real event time: older values are typos and fall outside the index template. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");
    /** CloudWatch writes its alarm times with a colon-less offset: {@code 2019-10-02T17:04:40.985+0000}. */
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]xx");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** @param zoned whether the text named its zone; a stamp without one is read as UTC */
    private record Reading(Instant instant, boolean zoned) {
    }

    private EventTimes() {
    }

    /** The instant the text names; empty when it is blank, not a date-time, or outside 2000..2999. */
    public static Optional<Instant> parse(String text) {
        return read(text).map(Reading::instant)
                .filter(instant -> !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
    }

    /**
     * The time as a message shows it: {@code 2026-11-20 02:00:00 UTC}, even outside the years {@link #parse} believes,
     * since a message shows what the event says. A stamp without a zone, or one that cannot be read, is shown as
     * written and marked UTC like CloudTrail's own.
     */
    public static String display(String text) {
        if (text == null || text.isBlank()) {
            return "unknown";
        }
        Optional<Reading> reading = read(text);
        if (reading.isPresent() && reading.get().zoned()) {
            return SHOWN.format(reading.get().instant());
        }
        return text.endsWith("Z") || text.contains("UTC") ? text : text + " UTC";
    }

    private static Optional<Reading> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim().replace(' ', 'T');
        try {
            return Optional.of(new Reading(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant(), true));
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(new Reading(OffsetDateTime.parse(value, COMPACT_OFFSET).toInstant(), true));
            } catch (DateTimeParseException notCompactOffset) {
                // Read below as a local date-time.
            }
            try {
                return Optional.of(new Reading(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC), false));
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }
}
