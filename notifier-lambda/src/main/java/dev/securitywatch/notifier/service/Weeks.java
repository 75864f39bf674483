package dev.securitywatch.notifier.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/** ISO weeks in UTC, the unit the suppression tally counts in: {@code 2026-W49} runs Monday to Sunday. */
public final class Weeks {
    private Weeks() {
    }

    public static String of(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The last whole week before {@code now}: what a digest sent on any day of this week reports. */
    public static String lastComplete(Instant now) {
        return of(now.minus(java.time.Duration.ofDays(7)));
    }
}
