package dev.securitywatch.notifier.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which paths went silent and which came back. A path is silent when its last heartbeat (by its CloudTrail time) is
 * older than twice the canary interval, and older than one interval plus {@link #DELIVERY_ALLOWANCE}: one late or lost
 * heartbeat is not an outage, two are, and CloudTrail sometimes takes a quarter of an hour to deliver one (measured
 * in bench/health: with short intervals and no allowance, healthy paths were reported silent). Each change is
 * reported once; the store remembers what was reported.
 */
public final class HeartbeatTracker {
    /** How late CloudTrail may deliver a heartbeat to EventBridge without the path counting as silent. */
    public static final Duration DELIVERY_ALLOWANCE = Duration.ofMinutes(15);

    private final Duration silentAfter;

    /** @param canaryInterval how often every canary writes ({@code health.canaryMinutes}) */
    public HeartbeatTracker(Duration canaryInterval) {
        if (canaryInterval.isNegative() || canaryInterval.isZero()) {
            throw new IllegalArgumentException("the canary interval must be positive");
        }
        Duration twoIntervals = canaryInterval.multipliedBy(2);
        Duration lateDelivery = canaryInterval.plus(DELIVERY_ALLOWANCE);
        this.silentAfter = twoIntervals.compareTo(lateDelivery) >= 0 ? twoIntervals : lateDelivery;
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
