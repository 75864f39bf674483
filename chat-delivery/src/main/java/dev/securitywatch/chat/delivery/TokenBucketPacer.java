package dev.securitywatch.chat.delivery;

import dev.securitywatch.lambdakit.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per destination, kept in this process: {@code burst} posts at once, then one every
 * {@code 1 / postsPerSecond}. It is written as the generic cell rate algorithm: each destination keeps the time its
 * bucket is next empty, and a turn is the later of now and that time less the burst allowance. Turns are reserved
 * under a lock and waited for outside it, so concurrent senders queue in order.
 */
public final class TokenBucketPacer implements Pacer {
    private final Duration interval;
    private final Duration burstAllowance;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> emptyAt = new HashMap<>();

    public TokenBucketPacer(double postsPerSecond, int burst, Clock clock, Sleeper sleeper) {
        if (!(postsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a pace needs posts per second above 0 and a burst of at least 1, got "
                    + postsPerSecond + " and " + burst);
        }
        this.interval = Duration.ofNanos(Math.round(1e9 / postsPerSecond));
        this.burstAllowance = interval.multipliedBy(burst - 1L);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public boolean awaitTurn(String destination, Deadline deadline) {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant empty = emptyAt.getOrDefault(destination, now);
            Instant turn = later(now, empty.minus(burstAllowance));
            wait = Duration.between(now, turn);
            if (!wait.isZero() && !deadline.allows(wait)) {
                return false;
            }
            emptyAt.put(destination, later(empty, turn).plus(interval));
        }
        if (wait.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void slowDown(String destination, Duration wait) {
        // The next turn is at now + wait at the earliest, and the bucket starts that turn empty.
        Instant earliest = clock.instant().plus(wait).plus(burstAllowance);
        emptyAt.merge(destination, earliest, TokenBucketPacer::later);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
