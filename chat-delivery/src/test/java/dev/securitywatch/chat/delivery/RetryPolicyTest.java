package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4),
            Duration.ofSeconds(5));

    @ParameterizedTest
    @CsvSource({
            "1, 0.0, 250", "1, 0.99, 497", "2, 0.0, 500", "3, 0.5, 1500", "4, 0.0, 2000",
            "5, 0.0, 2000", "30, 0.99, 3980"})
    void backoffDoublesUpToTheCapWithJitterOnTheUpperHalf(int attempt, double random, long expectedMillis) {
        assertThat(policy.backoff(attempt, random)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest
    @CsvSource(value = {"7, 7000", "0, 0", "-1, 1000", "soon, 1000", "NULL, 1000"}, nullValues = "NULL")
    void retryAfterIsReadAsSeconds(String header, long expectedMillis) {
        assertThat(RetryingPoster.retryAfter(header)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
