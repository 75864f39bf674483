package dev.securitywatch.chat.delivery;

import dev.securitywatch.lambdakit.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records waits instead of sleeping, so retry tests are fast and can assert the waits. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
