package dev.securitywatch.notifier.bucket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The daily report's keys: {@code coverage/latest.json}, and {@code coverage/yyyy/mm/dd.json} by its UTC date. */
public final class CoverageKeys {
    public static final String LATEST = "coverage/latest.json";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private CoverageKeys() {
    }

    public static String dated(Instant checkedAt) {
        return "coverage/" + DAY.format(checkedAt) + ".json";
    }
}
