package dev.securitywatch.indexer.bulk;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a random time up to {@code base * 2^(n-1)}, capped.
 * Jitter spreads the retries of concurrent Lambda instances, so they do not throttle the cluster in step.
 *
 * @param maxAttempts total attempts, including the first
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, DoubleSupplier random) {
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(8), Math::random);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt} (2 is the first retry). */
    public Duration delayBefore(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 2, 20));
        return Duration.ofMillis((long) (ceiling * random.getAsDouble()));
    }
}
