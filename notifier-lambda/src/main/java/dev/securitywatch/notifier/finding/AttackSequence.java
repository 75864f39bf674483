package dev.securitywatch.notifier.finding;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.EventTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A GuardDuty attack sequence ({@code service.detection.sequence}) as a timeline: one line per signal, oldest
 * first, saying when it was first seen, what kind of signal it is and what it was. The signals are what the team
 * reads to see how the attack unfolded; the finding's own description only counts them.
 */
final class AttackSequence {
    /** GuardDuty keeps up to 100 signals; a message shows the first ones and says how many more there are. */
    static final int MAX_LINES = 15;

    private AttackSequence() {
    }

    static List<String> timeline(JsonNode sequence) {
        JsonNode signals = sequence.path("signals");
        if (!signals.isArray() || signals.isEmpty()) {
            return List.of();
        }
        List<JsonNode> ordered = new ArrayList<>();
        signals.forEach(ordered::add);
        ordered.sort(Comparator.comparing(signal -> firstSeen(signal).orElse(Instant.MAX)));
        List<String> lines = new ArrayList<>();
        for (JsonNode signal : ordered.subList(0, Math.min(ordered.size(), MAX_LINES))) {
            String count = signal.path("count").asInt(1) > 1 ? " (×" + signal.path("count").asInt() + ")" : "";
            lines.add(firstSeen(signal).map(at -> EventTimes.display(at.toString())).orElse("time unknown")
                    + " · " + firstNonNull(text(signal, "type"), "signal") + " · "
                    + firstNonNull(text(signal, "name"), text(signal, "uid"), "unnamed") + count);
        }
        if (ordered.size() > MAX_LINES) {
            lines.add("… and " + (ordered.size() - MAX_LINES) + " more signals in GuardDuty");
        }
        return lines;
    }

    /** The API writes timestamps as epoch seconds (a number) or ISO text; both are read. */
    private static Optional<Instant> firstSeen(JsonNode signal) {
        JsonNode value = signal.path("firstSeenAt");
        if (value.isNumber()) {
            double seconds = value.asDouble();
            // Milliseconds when too large to be seconds of this era.
            return Optional.of(seconds > 1e11 ? Instant.ofEpochMilli((long) seconds)
                    : Instant.ofEpochMilli((long) (seconds * 1000)));
        }
        return EventTimes.parse(value.asText(null));
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
