package dev.securitywatch.indexer.document;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which event times may name a monthly index. Live events (the Lambda) must lie within {@code past} before and
 * {@code future} after their arrival; others go to {@link IndexNames#OUT_OF_RANGE}, kept and searchable, but never a
 * reason to create an index: a few hundred forged years would use up the domain's shards. A backfill (the CLI,
 * indexing history a user chose) takes any month.
 *
 * @param past empty for no bound
 */
public record IndexWindow(Optional<Duration> past, Duration future) {
    /** CloudTrail delivers within minutes; the 30-day archive's replays and late findings fit in 90 days. */
    public static final IndexWindow LIVE = new IndexWindow(Optional.of(Duration.ofDays(90)), Duration.ofDays(1));
    public static final IndexWindow BACKFILL = new IndexWindow(Optional.empty(), Duration.ofDays(1));

    /** The event's monthly index when its time is plausible for when it arrived, else the out-of-range one. */
    public String index(Instant eventTime, Instant arrivedAt) {
        boolean tooOld = past.map(window -> eventTime.isBefore(arrivedAt.minus(window))).orElse(false);
        boolean tooNew = eventTime.isAfter(arrivedAt.plus(future));
        return tooOld || tooNew ? IndexNames.OUT_OF_RANGE : IndexNames.monthly(eventTime);
    }
}
