package dev.securitywatch.chat.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When delivery must give up, e.g. the Lambda's remaining time minus a reserve to report the failure. */
public record Deadline(Instant at, Clock clock) {

    public static Deadline after(Duration budget) {
        return after(budget, Clock.systemUTC());
    }

    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    /** From {@code Context.getRemainingTimeInMillis()}, keeping {@code reserve} for logging and failing cleanly. */
    public static Deadline fromRemainingMillis(long remainingMillis, Duration reserve) {
        return after(Duration.ofMillis(remainingMillis).minus(reserve));
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }
}
