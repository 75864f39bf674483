package dev.securitywatch.indexer.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The index names the indexer writes to; the setup's template and ISM policy match exactly these. */
public final class IndexNames {
    public static final String PREFIX = "security-events-";
    /** Events that could not be indexed as documents: kept as raw text with the error, so nothing is lost. */
    public static final String FAILED = "security-events-failed";
    /** Events whose own time is implausible for when they arrived (see {@link IndexWindow}). */
    public static final String OUT_OF_RANGE = "security-events-out-of-range";
    /** Index patterns of the monthly indices only; the failed index is kept out of them on purpose. */
    public static final String MONTHLY_PATTERN = "security-events-2*";
    public static final String ALL_PATTERN = "security-events*";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private IndexNames() {
    }

    /** {@code security-events-YYYY.MM} for the month (UTC) of the event. */
    public static String monthly(Instant eventTime) {
        return PREFIX + MONTH.format(eventTime);
    }
}
