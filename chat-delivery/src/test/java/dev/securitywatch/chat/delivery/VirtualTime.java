package dev.securitywatch.chat.delivery;

import dev.securitywatch.lambdakit.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it: pacing tests see exact times and never wait. */
final class VirtualTime extends Clock implements Sleeper {
    private Instant now = Instant.parse("2026-11-20T10:00:00Z");
    final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
