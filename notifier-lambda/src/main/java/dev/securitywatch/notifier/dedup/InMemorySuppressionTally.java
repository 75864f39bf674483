package dev.securitywatch.notifier.dedup;

import dev.securitywatch.notifier.service.SuppressionTally;
import dev.securitywatch.notifier.service.Weeks;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tally for one process (the CLI): counts live as long as the run. */
public final class InMemorySuppressionTally implements SuppressionTally {
    private final Map<String, Map<String, Integer>> byIdAndWeek = new HashMap<>();

    @Override
    public synchronized void add(Map<String, Map<String, Integer>> hidden, Instant now) {
        String week = Weeks.of(now);
        hidden.forEach((id, counts) -> counts.forEach((eventName, count) ->
                byIdAndWeek.computeIfAbsent(id + "#" + week, k -> new LinkedHashMap<>())
                        .merge(eventName, count, Integer::sum)));
    }

    @Override
    public synchronized Map<String, Integer> hidden(String suppressionId, String week) {
        return Map.copyOf(byIdAndWeek.getOrDefault(suppressionId + "#" + week, Map.of()));
    }
}
