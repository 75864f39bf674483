package dev.securitywatch.lambdakit.retry;

import java.time.Duration;

/** How a retry waits between attempts; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    /** @throws InterruptedException when the thread is interrupted; the caller decides what that means */
    void sleep(Duration duration) throws InterruptedException;
}
