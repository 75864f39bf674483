package dev.securitywatch.notifier.render;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Event times shown as {@code 2026-11-20 02:00:00 UTC}, whatever form the event used. */
public final class EventTimes {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    public static String utc(String time) {
        if (time == null || time.isBlank()) {
            return "unknown";
        }
        try {
            return SHOWN.format(Instant.parse(time));
        } catch (DateTimeParseException notInstant) {
            try {
                return SHOWN.format(OffsetDateTime.parse(time));
            } catch (DateTimeParseException notOffset) {
                // Some exports write "2021-01-24 04:55:45.000": show it as given, marked UTC like CloudTrail.
                return time.endsWith("Z") || time.contains("UTC") ? time : time + " UTC";
            }
        }
    }
}
