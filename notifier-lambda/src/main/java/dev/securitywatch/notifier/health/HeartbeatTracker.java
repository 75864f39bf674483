package dev.securitywatch.notifier.health;

import dev.securitywatch.catalog.HealthEntries;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which paths went silent and which came back, by {@link HealthEntries#silentAfter}: two canary intervals without a
 * heartbeat, never less than one interval plus CloudTrail's late deliveries. Each change is reported once; the store
 * remembers what was reported.
 */
public final class HeartbeatTracker {
    private final Duration silentAfter;

    /** @param canaryInterval how often every canary writes ({@code health.canaryMinutes}) */
    public HeartbeatTracker(Duration canaryInterval) {
        this.silentAfter = HealthEntries.silentAfter(canaryInterval);
    }

    /**
     * @param newlySilent paths silent now and not yet reported, the longest silent first
     * @param recovered   paths reported silent that have a heartbeat again
     */
    public record Changes(List<PathState> newlySilent, List<PathState> recovered) {
        public Changes {
            newlySilent = List.copyOf(newlySilent);
            recovered = List.copyOf(recovered);
        }

        public boolean isEmpty() {
            return newlySilent.isEmpty() && recovered.isEmpty();
        }
    }

    public Changes check(List<PathState> paths, Instant now) {
        Comparator<PathState> longestSilentFirst = Comparator.comparing(PathState::lastHeartbeat)
                .thenComparing(state -> state.path().describe());
        List<PathState> silent = paths.stream().filter(state -> isSilent(state, now) && !state.reportedSilent())
                .sorted(longestSilentFirst).toList();
        List<PathState> recovered = paths.stream().filter(state -> !isSilent(state, now) && state.reportedSilent())
                .sorted(Comparator.comparing(state -> state.path().describe())).toList();
        return new Changes(silent, recovered);
    }

    /** Silent at {@code now}: the last heartbeat is older than {@link #silentAfter()}. */
    public boolean isSilent(PathState state, Instant now) {
        return Duration.between(state.lastHeartbeat(), now).compareTo(silentAfter) > 0;
    }

    public Duration silentAfter() {
        return silentAfter;
    }
}
