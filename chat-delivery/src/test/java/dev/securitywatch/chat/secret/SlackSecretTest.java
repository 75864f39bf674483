package dev.securitywatch.chat.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackSecretTest {
    private static final String WEBHOOK = "https://hooks.slack.com/services/T0/B0/SECRETvalue";

    @Test
    void readsAWebhookSecret() {
        SlackSecret secret = SlackSecret.parse("{\"webhookUrl\":\"" + WEBHOOK + "\"}");

        assertThat(secret.slack()).isInstanceOf(SlackDestination.Webhook.class);
        assertThat(((SlackDestination.Webhook) secret.slack()).url()).hasToString(WEBHOOK);
        assertThat(secret.chatwork()).isEmpty();
        assertThat(secret.toString()).doesNotContain("SECRET");
    }

    @Test
    void readsABotTokenSecretWithChatwork() {
        SlackSecret secret = SlackSecret.parse("{\"botToken\":\"xoxb-1-SECRET\",\"defaultChannel\":\"C0SEC\","
                + "\"chatworkToken\":\"cwSECRET\",\"roomId\":\"42\"}");

        assertThat(secret.slack()).isEqualTo(new SlackDestination.BotToken("xoxb-1-SECRET", "C0SEC"));
        assertThat(secret.chatwork()).contains(new ChatworkRoom("cwSECRET", "42"));
        assertThat(secret.toString()).contains("C0SEC", "42").doesNotContain("SECRET\"", "xoxb-1", "cwSECRET");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json SECRET|the Slack secret is not JSON",
            "[\"SECRET\"]|must be a JSON object",
            "{}|exactly one of webhookUrl or botToken",
            "{\"webhookUrl\":\"https://hooks.slack.com/SECRET\",\"botToken\":\"xoxb-SECRET\",\"defaultChannel\":\"C\"}|exactly one",
            "{\"webhookUrl\":\"ftp://h/SECRET\"}|must be an https URL",
            "{\"webhookUrl\":\"http://hooks.slack.com/services/SECRET\"}|must be an https URL on hooks.slack.com",
            "{\"webhookUrl\":\"https://hooks.slack.com.attacker.example/SECRET\"}|must be an https URL",
            "{\"webhookUrl\":\"https://attacker.example/services/SECRET\"}|must be an https URL",
            "{\"webhookUrl\":\"http://169.254.169.254/latest/SECRET\"}|must be an https URL",
            "{\"webhookUrl\":\"https://h/ SECRET\"}|not a valid URL",
            "{\"webhookUrl\":42}|webhookUrl in the Slack secret must be a non-blank string",
            "{\"botToken\":\"SECRET\",\"defaultChannel\":\"C\"}|must be a Slack token",
            "{\"botToken\":\"xoxb-SECRET\"}|also needs defaultChannel",
            "{\"webhookUrl\":\"https://hooks.slack.com/SECRET\",\"chatworkToken\":\"SECRET\"}|both chatworkToken and roomId",
            "{\"webhookUrl\":\"https://hooks.slack.com/SECRET\",\"chatworkToken\":\"SECRET\",\"roomId\":\"x/../1\"}|numeric"})
    void wrongShapesAreNamedWithoutTheirValues(String json, String message) {
        assertThatThrownBy(() -> SlackSecret.parse(json))
                .isInstanceOf(SecretFormatException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void slackAndGovSlackWebhooksAndLoopbackDryRunsAreAccepted() {
        for (String url : java.util.List.of("https://hooks.slack.com/services/T/B/SECRET",
                "https://hooks.slack-gov.com/services/T/B/SECRET", "http://127.0.0.1:8080/hook",
                "http://localhost:9/hook", "http://[::1]:9/hook")) {
            assertThat(((SlackDestination.Webhook) SlackSecret.parse("{\"webhookUrl\":\"" + url + "\"}").slack())
                    .url()).hasToString(url);
        }
    }

    @Test
    void cacheReadsOnceUntilMaxAgeThenAgainAndAfterInvalidate() {
        AtomicInteger reads = new AtomicInteger();
        MutableClock clock = new MutableClock();
        CachedSlackSecret cache = new CachedSlackSecret(id -> {
            reads.incrementAndGet();
            return "{\"webhookUrl\":\"" + WEBHOOK + "\"}";
        }, "arn:aws:secretsmanager:eu-west-1:111111111111:secret:slack", Duration.ofMinutes(5), clock);

        cache.get();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        cache.get();
        assertThat(reads).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        cache.get();
        assertThat(reads).hasValue(2);

        cache.invalidate();
        cache.get();
        assertThat(reads).hasValue(3);
    }

    @Test
    void cacheNeedsASecretId() {
        assertThatThrownBy(() -> new CachedSlackSecret(id -> "{}", " "))
                .isInstanceOf(SecretFormatException.class).hasMessage("no Slack secret id configured");
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
