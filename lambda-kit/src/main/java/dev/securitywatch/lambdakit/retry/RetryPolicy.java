package dev.securitywatch.lambdakit.retry;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently to retry: capped exponential backoff with jitter. The wait after the n-th failed
 * attempt has the ceiling {@code min(maxDelay, baseDelay * 2^(n-1))}; {@link Spread} says how the random draw spreads
 * it. The caller owns the loop, what counts as retryable, and any deadline.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param baseDelay   the ceiling of the first wait, doubled for each further one
 * @param maxDelay    the cap of every wait
 * @param spread      how jitter spreads a wait under its ceiling
 * @param random      values in [0, 1); {@link Jitter#snapStartSafe()} in production, a constant in tests
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Spread spread,
                          DoubleSupplier random) {

    /** How a wait is drawn under its ceiling (the names of AWS's "Exponential Backoff and Jitter"). */
    public enum Spread {
        /** Anywhere in [0, ceiling): spreads concurrent callers most; a wait can be near zero. */
        FULL,
        /** Half the ceiling fixed plus a random share of the other half: never hammers at once. */
        EQUAL
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(random, "random");
    }

    /** Full jitter from the SnapStart-safe random source. */
    public static RetryPolicy fullJitter(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, Spread.FULL, Jitter.snapStartSafe());
    }

    /** Equal jitter from the SnapStart-safe random source. */
    public static RetryPolicy equalJitter(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, Spread.EQUAL, Jitter.snapStartSafe());
    }

    /** The same policy drawing from {@code source} (tests pin the draw). */
    public RetryPolicy withRandom(DoubleSupplier source) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, spread, source);
    }

    /** The wait after {@code failedAttempts} failed attempts (1 before the first retry), drawing once. */
    public Duration delayAfter(int failedAttempts) {
        return delayAfter(failedAttempts, random.getAsDouble());
    }

    /** The wait after {@code failedAttempts} failed attempts for a given draw in [0, 1). */
    public Duration delayAfter(int failedAttempts, double draw) {
        long ceiling = ceiling(failedAttempts).toMillis();
        long waited = switch (spread) {
            case FULL -> (long) (ceiling * draw);
            case EQUAL -> ceiling / 2 + (long) (draw * (ceiling - ceiling / 2));
        };
        return Duration.ofMillis(waited);
    }

    /** {@code min(maxDelay, baseDelay * 2^(failedAttempts-1))}, without overflow. */
    public Duration ceiling(int failedAttempts) {
        long exponential = baseDelay.toMillis() << Math.min(Math.max(failedAttempts, 1) - 1, 20);
        return Duration.ofMillis(Math.min(exponential, maxDelay.toMillis()));
    }

    /** Never prints the random source (a lambda's identity says nothing). */
    @Override
    public String toString() {
        return "RetryPolicy[" + maxAttempts + " attempts, " + baseDelay.toMillis() + " ms doubling to "
                + maxDelay.toMillis() + " ms, " + spread.name().toLowerCase(Locale.ROOT) + " jitter]";
    }
}
