package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import dev.securitywatch.chat.secret.SlackDestination;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackSenderTest {
    private static final String WEBHOOK_PATH = "/services/T000/B000/SECRETwebhookPART";
    private static final String TOKEN = "xoxb-0000-SECRET-TOKEN";
    private static final SlackPayload PAYLOAD = SlackPayload.of(
            "{\"text\":\"Security group changed\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                    + "\"text\":\"hello\"}}]}");
    private static final RetryPolicy FAST = RetryPolicy.equalJitter(4, Duration.ofMillis(100), Duration.ofMillis(400))
            .withRandom(() -> 0.5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);
    private static final HttpClient HTTP = ChatHttp.client();

    private ScriptedHttpServer server;
    private RecordingSleeper sleeper;
    private SlackSender sender;

    /** Class loading of the JDK's HTTP stack takes a good part of the 500 ms attempt timeout in a fresh JVM. */
    @BeforeAll
    static void loadTheHttpStack() throws Exception {
        try (ScriptedHttpServer warmUp = new ScriptedHttpServer()) {
            warmUp.answer(Answer.of(200, "ok"));
            HTTP.send(HttpRequest.newBuilder(warmUp.uri("/")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
        sleeper = new RecordingSleeper();
        sender = new SlackSender(HTTP, FAST, ATTEMPT_TIMEOUT, sleeper, server.uri("/api/"), Pacer.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SlackDestination webhook() {
        return new SlackDestination.Webhook(server.uri(WEBHOOK_PATH));
    }

    private static SlackDestination bot() {
        return new SlackDestination.BotToken(TOKEN, "C0DEFAULT");
    }

    private static Deadline tenSeconds() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void webhook200DeliversTheBodyAsIs() {
        server.answer(Answer.of(200, "ok"));

        DeliveryReceipt receipt = sender.send(webhook(), PAYLOAD, "C0IGNORED", tenSeconds());

        assertThat(receipt).isEqualTo(new DeliveryReceipt("Slack webhook", 1, 0, false));
        ScriptedHttpServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(WEBHOOK_PATH);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo(PAYLOAD.json());
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void botTokenPostsToChatPostMessageWithTheRoutedChannel() {
        server.answer(Answer.of(200, "{\"ok\":true,\"channel\":\"C0ROUTED\",\"ts\":\"1.2\"}"));

        DeliveryReceipt receipt = sender.send(bot(), PAYLOAD, "C0ROUTED", tenSeconds());

        assertThat(receipt.destination()).isEqualTo("Slack channel C0ROUTED");
        ScriptedHttpServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.body()).contains("\"channel\":\"C0ROUTED\"").contains("\"blocks\":[");
    }

    @Test
    void botTokenWithoutRouteUsesTheDefaultChannel() {
        server.answer(Answer.of(200, "{\"ok\":true}"));

        sender.send(bot(), PAYLOAD, null, tenSeconds());

        assertThat(server.requests().get(0).body()).contains("\"channel\":\"C0DEFAULT\"");
    }

    @Test
    void status429WaitsForRetryAfterThenDelivers() {
        server.answer(Answer.of(429, "").withHeader("Retry-After", "3"), Answer.of(200, "ok"));

        DeliveryReceipt receipt = sender.send(webhook(), PAYLOAD, null, tenSeconds());

        assertThat(receipt.attempts()).as("a 429 is not a failed attempt").isEqualTo(1);
        assertThat(receipt.throttled()).isEqualTo(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aLongRunOf429sNeverSpendsTheAttemptsMeantForErrors() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(Answer.of(429, "rate_limited").withHeader("Retry-After", "1"));
        }
        answers.add(Answer.of(200, "ok"));
        server.answer(answers.toArray(Answer[]::new));

        DeliveryReceipt receipt = sender.send(webhook(), PAYLOAD, null, Deadline.after(Duration.ofMinutes(1)));

        assertThat(receipt.attempts()).isEqualTo(1);
        assertThat(receipt.throttled()).isEqualTo(20);
        assertThat(sleeper.waits).hasSize(20).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void status429WithoutReadableRetryAfterWaitsOneSecond() {
        server.answer(Answer.of(429, "").withHeader("Retry-After", "soon"), Answer.of(200, "ok"));

        sender.send(webhook(), PAYLOAD, null, tenSeconds());

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterBeyondTheDeadlineFailsAtOnceWithoutSleeping() {
        server.answer(Answer.of(429, "").withHeader("Retry-After", "30"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(webhook(), PAYLOAD, null, tenSeconds()));

        assertThat(failure.kind()).as("postponed, not failed").isEqualTo(DeliveryException.Kind.THROTTLED);
        assertThat(failure.throttled()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("Retry-After");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void status500ThenSuccessRetriesWithBackoff() {
        server.answer(Answer.of(500, "oops"), Answer.of(503, ""), Answer.of(200, "ok"));

        DeliveryReceipt receipt = sender.send(webhook(), PAYLOAD, null, tenSeconds());

        assertThat(receipt.attempts()).isEqualTo(3);
        // 100 ms then 200 ms, each half fixed plus half jitter (0.5 here).
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void persistent5xxExhaustsTheAttempts() {
        server.answer(Answer.of(503, ""), Answer.of(503, ""), Answer.of(503, ""), Answer.of(503, ""));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(webhook(), PAYLOAD, null, tenSeconds()));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.EXHAUSTED);
        assertThat(failure.errorCode()).isEqualTo("http_503");
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void timeoutIsRetried() {
        server.answer(Answer.of(200, "ok").delayedBy(1_500), Answer.of(200, "ok"));

        DeliveryReceipt receipt = sender.send(webhook(), PAYLOAD, null, tenSeconds());

        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void timeoutsUntilTheDeadlineFailAsExhausted() {
        server.answer(Answer.of(200, "ok").delayedBy(1_500), Answer.of(200, "ok").delayedBy(1_500));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(webhook(), PAYLOAD, null, Deadline.after(Duration.ofMillis(700))));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.EXHAUSTED);
        assertThat(failure.errorCode()).isEqualTo("timeout");
    }

    @Test
    void okFalseIsPermanentAndNotRetried() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(bot(), PAYLOAD, "C0GONE", tenSeconds()));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("channel_not_found");
        assertThat(failure.getMessage()).contains("Slack channel C0GONE refused the message: channel_not_found");
        assertThat(failure.credentialsRejected()).isFalse();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void okFalseWithATransientErrorIsRetried() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"internal_error\"}"), Answer.of(200, "{\"ok\":true}"));

        assertThat(sender.send(bot(), PAYLOAD, null, tenSeconds()).attempts()).isEqualTo(2);
    }

    @Test
    void revokedTokenSaysTheCredentialsWereRejected() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"token_revoked\"}"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(bot(), PAYLOAD, null, tenSeconds()));

        assertThat(failure.credentialsRejected()).isTrue();
    }

    @Test
    void invalidBlocksIsResentOnceAsPlainText() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"invalid_blocks\"}"), Answer.of(200, "{\"ok\":true}"));

        DeliveryReceipt receipt = sender.send(bot(), PAYLOAD, null, tenSeconds());

        assertThat(receipt.plainTextFallback()).isTrue();
        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(server.requests().get(1).body())
                .isEqualTo("{\"text\":\"Security group changed\",\"channel\":\"C0DEFAULT\"}");
    }

    @Test
    void webhookInvalidBlocksIsResentOnceAsPlainText() {
        server.answer(Answer.of(400, "invalid_blocks"), Answer.of(200, "ok"));

        DeliveryReceipt receipt = sender.send(webhook(), PAYLOAD, null, tenSeconds());

        assertThat(receipt.plainTextFallback()).isTrue();
        assertThat(server.requests().get(1).body()).isEqualTo("{\"text\":\"Security group changed\"}");
    }

    @Test
    void plainTextFallbackIsTriedOnlyOnce() {
        server.answer(Answer.of(400, "invalid_blocks"), Answer.of(400, "no_text"));

        assertThatThrownBy(() -> sender.send(webhook(), PAYLOAD, null, tenSeconds()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("no_text");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void deletedWebhookIsPermanent() {
        server.answer(Answer.of(404, "no_service"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(webhook(), PAYLOAD, null, tenSeconds()));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(failure.credentialsRejected()).isTrue();
    }

    @Test
    void unreachableServerIsRetriedThenExhausted() {
        SlackDestination closed = new SlackDestination.Webhook(URI.create("http://127.0.0.1:1" + WEBHOOK_PATH));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.send(closed, PAYLOAD, null, tenSeconds()));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.EXHAUSTED);
        assertThat(failure.errorCode()).startsWith("io_error_");
    }

    @Test
    void secretsNeverAppearInFailuresOrReceipts() {
        server.answer(Answer.of(404, "no_service"), Answer.of(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"),
                Answer.of(503, ""), Answer.of(503, ""), Answer.of(503, ""), Answer.of(503, ""),
                Answer.of(200, "ok"));
        StringBuilder output = new StringBuilder();
        for (SlackDestination destination : new SlackDestination[] {webhook(), bot(), webhook()}) {
            try {
                output.append(sender.send(destination, PAYLOAD, null, tenSeconds()));
            } catch (DeliveryException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                output.append(trace);
            }
            output.append(destination);
        }
        output.append(sender.send(webhook(), PAYLOAD, null, tenSeconds()));

        assertThat(output.toString()).contains("no_service", "invalid_auth", "http_503")
                .doesNotContain("SECRET", WEBHOOK_PATH, TOKEN);
    }
}
