package dev.securitywatch.lambdakit.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final RetryPolicy EQUAL = RetryPolicy.equalJitter(5, Duration.ofMillis(500), Duration.ofSeconds(4));
    private static final RetryPolicy FULL = RetryPolicy.fullJitter(6, Duration.ofMillis(200), Duration.ofSeconds(8));

    @ParameterizedTest
    @CsvSource({
            "1, 0.0, 250", "1, 0.99, 497", "2, 0.0, 500", "3, 0.5, 1500", "4, 0.0, 2000",
            "5, 0.0, 2000", "30, 0.99, 3980"})
    void equalJitterKeepsHalfTheCappedDoublingAndDrawsTheOtherHalf(int failed, double draw, long millis) {
        assertThat(EQUAL.delayAfter(failed, draw)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"1, 1.0, 200", "1, 0.5, 100", "2, 1.0, 400", "3, 0.25, 200", "6, 1.0, 6400", "7, 1.0, 8000",
            "40, 0.0, 0", "40, 1.0, 8000"})
    void fullJitterDrawsAnywhereUnderTheCappedDoubling(int failed, double draw, long millis) {
        assertThat(FULL.delayAfter(failed, draw)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void eachWaitDrawsOnceFromTheGivenSource() {
        AtomicInteger draws = new AtomicInteger();
        RetryPolicy pinned = FULL.withRandom(() -> {
            draws.incrementAndGet();
            return 0.5;
        });

        assertThat(pinned.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(draws).hasValue(1);
        assertThat(pinned.maxAttempts()).isEqualTo(6);
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> RetryPolicy.fullJitter(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1");
    }

    @Test
    void printsItsShapeOnly() {
        assertThat(EQUAL).hasToString("RetryPolicy[5 attempts, 500 ms doubling to 4000 ms, equal jitter]");
    }
}
