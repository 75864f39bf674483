package dev.securitywatch.notifier.suppress;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly digest: every suppression, who owns it, why, until when, and what it hid last week, so hidden alerts
 * stay a decision someone keeps making rather than a silence nobody remembers. Entries that expired are listed until
 * someone removes them from {@code alerts.suppress}.
 */
public final class SuppressionDigest {
    /** Entries ending this soon are flagged, as synth warns about them. */
    public static final Duration EXPIRING_SOON = Duration.ofDays(7);
    static final int EVENT_NAMES_SHOWN = 5;

    private SuppressionDigest() {
    }

    /**
     * @param hidden per suppression id, what it hid in {@code week} by event name; absent when the tally could not
     *               be read, which the digest says instead of claiming zero
     */
    public static Alert of(Suppressions suppressions, Map<String, Optional<Map<String, Integer>>> hidden, String week,
                           Instant now) {
        List<Suppression> active = suppressions.entries().stream().filter(s -> s.activeAt(now)).toList();
        List<Suppression> expired = suppressions.expired(now);
        int total = 0;
        boolean unknown = false;
        List<Section> sections = new ArrayList<>();
        for (Suppression entry : suppressions.entries()) {
            Optional<Map<String, Integer>> counts = hidden.getOrDefault(entry.id(), Optional.of(Map.of()));
            unknown |= counts.isEmpty();
            total += counts.map(SuppressionDigest::sum).orElse(0);
            sections.add(section(entry, counts, now));
        }
        String headline = unknown ? "Suppressions last week (" + week + "): counts unavailable"
                : total == 0 ? "Suppressions hid nothing last week (" + week + ")"
                : "Suppressions hid " + total + " event" + (total == 1 ? "" : "s") + " last week (" + week + ")";
        List<Field> fields = List.of(
                Field.of("In force", Integer.toString(active.size())),
                Field.of("Expiring within 7 days", Integer.toString(suppressions.expiringWithin(now,
                        EXPIRING_SOON).size())),
                Field.of("Expired, still listed", Integer.toString(expired.size())),
                Field.of("Events hidden", unknown ? "unknown (the tally could not be read)" : Integer.toString(total)));
        List<String> notes = new ArrayList<>();
        notes.add("Suppressed events still reach the audit log and OpenSearch. Change the list in cdk.json"
                + " (alerts.suppress) and redeploy the central stack.");
        if (!expired.isEmpty()) {
            notes.add("Expired entries no longer apply; remove them from alerts.suppress.");
        }
        return new Alert("digest:" + week, Alert.Kind.DIGEST, Severity.LOW, Alert.Tone.NEUTRAL, headline,
                "Weekly suppression digest", Optional.empty(), null, null, List.of(), false, fields, sections,
                List.of(), notes, Alert.Subject.of("SuppressionDigest", Optional.of(now)));
    }

    private static Section section(Suppression entry, Optional<Map<String, Integer>> counts, Instant now) {
        String state;
        if (!entry.activeAt(now)) {
            state = "EXPIRED on " + entry.expires() + ", no longer applies";
        } else {
            long days = Duration.between(now, entry.endOfLife()).toDays();
            state = "until " + entry.expires() + (entry.activeAt(now.plus(EXPIRING_SOON)) ? ""
                    : " ⚠ expires in " + (days == 0 ? "less than a day" : days + " day" + (days == 1 ? "" : "s")));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Action:  " + entry.action().id() + (entry.includeCritical() ? " (CRITICAL included)" : ""));
        lines.add("Matches: " + entry.match().describe());
        lines.add("Reason:  " + entry.reason());
        lines.add("Owner:   " + entry.owner());
        lines.add("Hid:     " + counts.map(SuppressionDigest::describe).orElse("unknown (the tally could not be read)"));
        return new Section(entry.id() + " · " + state, lines, true);
    }

    /** "214 (CreateTags × 200, DeleteTags × 14)", the most frequent event names first. */
    private static String describe(Map<String, Integer> counts) {
        int sum = sum(counts);
        if (sum == 0) {
            return "nothing";
        }
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> shown = new ArrayList<>(sorted.stream().limit(EVENT_NAMES_SHOWN)
                .map(e -> e.getKey() + " × " + e.getValue()).toList());
        if (sorted.size() > EVENT_NAMES_SHOWN) {
            shown.add((sorted.size() - EVENT_NAMES_SHOWN) + " more event names");
        }
        return sum + " (" + String.join(", ", shown) + ")";
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
