package dev.securitywatch.awslite;

import java.security.SecureRandom;
import java.util.function.DoubleSupplier;

/** Random numbers for backoff jitter. */
public final class Jitter {
    private Jitter() {
    }

    /**
     * SecureRandom, not Math.random or ThreadLocalRandom: Lambda SnapStart restores every container from one
     * snapshot, and a seeded generator would give them all the same "random" backoff; SecureRandom is reseeded on
     * restore. It is created at the first retry, so a call that succeeds at once never pays its set-up.
     */
    public static DoubleSupplier snapStartSafe() {
        return () -> Holder.RANDOM.nextDouble();
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
