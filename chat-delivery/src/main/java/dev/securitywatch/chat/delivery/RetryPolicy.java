package dev.securitywatch.chat.delivery;

import java.time.Duration;

/**
 * How hard to try: attempts, capped exponential backoff with jitter for 5xx and timeouts, and the per-attempt
 * timeout. The {@link Deadline} bounds all of it.
 *
 * @param maxAttempts    attempts per message, first one included
 * @param baseDelay      backoff before the second attempt, doubled for each further one
 * @param maxDelay       backoff cap
 * @param attemptTimeout how long one HTTP exchange may take
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration attemptTimeout) {

    /** Suits a Lambda with a 30 s timeout: up to 5 attempts over roughly 0.5 + 1 + 2 + 4 seconds. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4),
            Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): half the capped exponential delay plus a random
     * share of the other half, so that retries from concurrent Lambdas spread out but never hammer at once.
     *
     * @param random a value in [0, 1)
     */
    public Duration backoff(int attempt, double random) {
        long exponential = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }
}
