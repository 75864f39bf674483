package dev.securitywatch.slack.delivery;

import java.security.SecureRandom;
import java.util.function.DoubleSupplier;

/** Random numbers for backoff jitter. */
final class Jitter {
    private Jitter() {
    }

    /**
     * SecureRandom, not ThreadLocalRandom: Lambda SnapStart restores every container from one snapshot, and a
     * seeded generator would give them all the same "random" backoff; SecureRandom is reseeded on restore.
     */
    static DoubleSupplier snapStartSafe() {
        SecureRandom random = new SecureRandom();
        return random::nextDouble;
    }
}
