package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketPacerTest {
    private static final String CHANNEL = "Slack channel C0123";
    private final VirtualTime time = new VirtualTime();
    private final Instant start = time.instant();

    private List<Long> turns(TokenBucketPacer pacer, String destination, int count) {
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assertThat(pacer.awaitTurn(destination, Deadline.after(Duration.ofMinutes(1), time))).isTrue();
            seconds.add(Duration.between(start, time.instant()).toMillis());
        }
        return seconds;
    }

    @Test
    void aBurstGoesAtOnceThenOnePostPerInterval() {
        TokenBucketPacer pacer = new TokenBucketPacer(1, 3, time, time);

        assertThat(turns(pacer, CHANNEL, 6)).containsExactly(0L, 0L, 0L, 1000L, 2000L, 3000L);
    }

    @Test
    void anIdleDestinationRefillsItsBurst() {
        TokenBucketPacer pacer = new TokenBucketPacer(1, 3, time, time);
        turns(pacer, CHANNEL, 3);

        time.advance(Duration.ofSeconds(10));

        assertThat(turns(pacer, CHANNEL, 3)).containsExactly(10_000L, 10_000L, 10_000L);
    }

    @Test
    void aRetryAfterPushesTheNextTurnBackAndStartsItWithAnEmptyBucket() {
        TokenBucketPacer pacer = new TokenBucketPacer(1, 3, time, time);

        pacer.slowDown(CHANNEL, Duration.ofSeconds(5));

        assertThat(turns(pacer, CHANNEL, 3)).containsExactly(5000L, 6000L, 7000L);
    }

    @Test
    void aTurnAfterTheDeadlineIsRefusedWithoutWaitingOrTakingIt() {
        TokenBucketPacer pacer = new TokenBucketPacer(1, 1, time, time);
        turns(pacer, CHANNEL, 1);

        assertThat(pacer.awaitTurn(CHANNEL, Deadline.after(Duration.ofMillis(500), time))).isFalse();

        assertThat(time.waits).isEmpty();
        assertThat(turns(pacer, CHANNEL, 1)).as("the refused turn was not taken").containsExactly(1000L);
    }

    @Test
    void destinationsArePacedApart() {
        TokenBucketPacer pacer = new TokenBucketPacer(1, 1, time, time);

        turns(pacer, CHANNEL, 1);

        assertThat(turns(pacer, "Slack channel C0OTHER", 1)).containsExactly(0L);
    }

    @Test
    void aPaceMustBePositive() {
        assertThatThrownBy(() -> new TokenBucketPacer(0, 3, time, time)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new TokenBucketPacer(1, 0, time, time)).hasMessageContaining("burst of at least 1");
    }
}
