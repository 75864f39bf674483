package dev.securitywatch.awslite;

import java.time.Duration;

/** Waits between attempts; tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
