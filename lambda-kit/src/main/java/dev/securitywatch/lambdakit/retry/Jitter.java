package dev.securitywatch.lambdakit.retry;

import java.security.SecureRandom;
import java.util.function.DoubleSupplier;

/**
 * The random source for backoff jitter, safe under Lambda SnapStart.
 *
 * <p>SnapStart restores every container from one snapshot, so a generator seeded before the snapshot
 * ({@code Math.random}, a {@code Random} field) would give every restored container the same "random" waits and
 * their retries would hit a throttled service in step. The {@link SecureRandom} here is created at the first draw,
 * which happens on a retry after the restore, never during init or priming; it is also reseeded on restore.
 */
public final class Jitter {
    private static volatile SecureRandom random;

    private Jitter() {
    }

    /** A value in [0, 1) per call; nothing is created until the first call. */
    public static DoubleSupplier snapStartSafe() {
        return Jitter::next;
    }

    private static double next() {
        SecureRandom source = random;
        if (source == null) {
            synchronized (Jitter.class) {
                source = random;
                if (source == null) {
                    source = new SecureRandom();
                    random = source;
                }
            }
        }
        return source.nextDouble();
    }

    /** Whether the generator exists yet (tests: nothing may create it before the first retry). */
    static boolean created() {
        return random != null;
    }
}
