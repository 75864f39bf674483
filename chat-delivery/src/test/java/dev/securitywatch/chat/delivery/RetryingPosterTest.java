package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryingPosterTest {

    @ParameterizedTest
    @CsvSource(value = {"7, 7000", "0, 1000", "-1, 1000", "soon, 1000", "NULL, 1000"}, nullValues = "NULL")
    void retryAfterIsReadAsSeconds(String header, long expectedMillis) {
        assertThat(RetryingPoster.retryAfter(header)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void theDefaultsAreFiveAttemptsOfHalfASecondDoublingToFourWithEqualJitter() {
        assertThat(RetryingPoster.DEFAULT_POLICY.maxAttempts()).isEqualTo(5);
        assertThat(RetryingPoster.DEFAULT_POLICY.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryingPoster.DEFAULT_POLICY.delayAfter(9, 0.99)).isEqualTo(Duration.ofMillis(3980));
        assertThat(RetryingPoster.DEFAULT_ATTEMPT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRequestPrintsItsDestinationButNeitherItsUrlNorItsHeadersNorItsBody() {
        RetryingPoster.Request request = new RetryingPoster.Request("Slack channel C0123",
                URI.create("https://hooks.slack.com/services/T0/B0/SECRETpath"),
                Map.of("Authorization", "Bearer xoxb-SECRET-token"), "application/json", "{\"text\":\"SECRET alert\"}");

        assertThat(request.toString()).isEqualTo("Request[POST to Slack channel C0123]");
    }
}
