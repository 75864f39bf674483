package dev.securitywatch.hubcheck.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where snapshots live: {@code snapshots/<yyyy>/<mm>/<dd>/<takenAt>.json} (UTC date of {@code takenAt}), and the
 * original stack's {@code memberLog/<yyyyMMdd>.json}. The latest earlier snapshot is chosen from a listing, never
 * by guessing dates: a MON-FRI schedule, a failed day or a first run leaves gaps.
 */
public final class SnapshotKeys {
    public static final String PREFIX = "snapshots/";
    public static final String LEGACY_PREFIX = "memberLog/";

    private static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd")
            .withZone(ZoneOffset.UTC);
    private static final Pattern KEY = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d{4}/\\d{2}/\\d{2})/([^/]+)\\.json");
    private static final Pattern LEGACY_KEY = Pattern.compile(Pattern.quote(LEGACY_PREFIX) + "(\\d{8})\\.json");

    private SnapshotKeys() {
    }

    /** Snapshot times are kept to the second, so keys and file contents agree on one spelling of the instant. */
    public static Instant truncate(Instant takenAt) {
        return takenAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public static String keyFor(Instant takenAt) {
        Instant second = truncate(takenAt);
        return PREFIX + DATE_PATH.format(second) + "/" + second + ".json";
    }

    /** The snapshot a key names, or empty for a key that is not a snapshot (a stray upload, a folder marker). */
    public static Optional<SnapshotRef> parse(String key) {
        Matcher current = KEY.matcher(key);
        if (current.matches()) {
            try {
                Instant takenAt = Instant.parse(current.group(2));
                return DATE_PATH.format(takenAt).equals(current.group(1))
                        ? Optional.of(new SnapshotRef(key, takenAt, false))
                        : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher legacy = LEGACY_KEY.matcher(key);
        if (legacy.matches()) {
            try {
                LocalDate day = LocalDate.parse(legacy.group(1), DateTimeFormatter.BASIC_ISO_DATE);
                return Optional.of(new SnapshotRef(key, day.atStartOfDay(ZoneOffset.UTC).toInstant(), true));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The newest snapshot taken strictly before {@code cutoff}; keys that are not snapshots are ignored. */
    public static Optional<SnapshotRef> latestBefore(Collection<String> keys, Instant cutoff) {
        return newestFirstBefore(keys, cutoff).stream().findFirst();
    }

    /** Every snapshot taken strictly before {@code cutoff}, newest first; keys that are not snapshots are ignored. */
    public static List<SnapshotRef> newestFirstBefore(Collection<String> keys, Instant cutoff) {
        return keys.stream()
                .map(SnapshotKeys::parse)
                .flatMap(Optional::stream)
                .filter(ref -> ref.takenAt().isBefore(cutoff))
                .sorted(Comparator.comparing(SnapshotRef::takenAt).thenComparing(SnapshotRef::key).reversed())
                .toList();
    }
}
