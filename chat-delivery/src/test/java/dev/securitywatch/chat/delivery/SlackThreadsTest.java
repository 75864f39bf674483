package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.secret.SlackDestination;
import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where a bot-token message landed, replies in its thread and updates of it, against a local Slack stand-in. */
class SlackThreadsTest {
    private static final String TOKEN = "xoxb-0000-SECRET-TOKEN";
    private static final SlackDestination.BotToken BOT = new SlackDestination.BotToken(TOKEN, "C0DEFAULT");
    private static final SlackPayload PAYLOAD = SlackPayload.of(
            "{\"text\":\"Security group changed\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                    + "\"text\":\"hello\"}}]}");
    private static final SlackMessageRef PARENT = new SlackMessageRef("C0ROUTED", "1700000000.000100");
    private static final RetryPolicy FAST = RetryPolicy.equalJitter(3, Duration.ofMillis(10), Duration.ofMillis(40))
            .withRandom(() -> 0.5);
    private static final HttpClient HTTP = ChatHttp.client();

    private ScriptedHttpServer server;
    private RecordingSleeper sleeper;
    private SlackSender sender;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
        sleeper = new RecordingSleeper();
        sender = new SlackSender(HTTP, FAST, Duration.ofSeconds(2), sleeper, server.uri("/api/"), Pacer.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Deadline tenSeconds() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void aBotPostSaysWhereItLanded() {
        server.answer(Answer.of(200, "{\"ok\":true,\"channel\":\"C0ROUTED\",\"ts\":\"1700000000.000100\"}"));

        DeliveryReceipt receipt = sender.send(BOT, PAYLOAD, "C0ROUTED", tenSeconds());

        assertThat(receipt.message()).contains(PARENT);
    }

    @Test
    void aWebhookPostHasNoAddress() {
        server.answer(Answer.of(200, "ok"));

        DeliveryReceipt receipt = sender.send(new SlackDestination.Webhook(server.uri("/services/T/B/X")), PAYLOAD,
                null, tenSeconds());

        assertThat(receipt.message()).isEmpty();
    }

    @Test
    void theTextFallbackKeepsTheAddressOfWhatWasPosted() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"invalid_blocks\"}"),
                Answer.of(200, "{\"ok\":true,\"channel\":\"C0ROUTED\",\"ts\":\"1700000000.000200\"}"));

        DeliveryReceipt receipt = sender.send(BOT, PAYLOAD, "C0ROUTED", tenSeconds());

        assertThat(receipt.plainTextFallback()).isTrue();
        assertThat(receipt.message()).contains(new SlackMessageRef("C0ROUTED", "1700000000.000200"));
    }

    @Test
    void aReplyCarriesTheParentsChannelAndTs() {
        server.answer(Answer.of(200, "{\"ok\":true,\"channel\":\"C0ROUTED\",\"ts\":\"1700000000.000300\"}"));

        DeliveryReceipt receipt = sender.reply(BOT, PARENT, PAYLOAD, false, tenSeconds());

        ScriptedHttpServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat.postMessage");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.body()).contains("\"channel\":\"C0ROUTED\"", "\"thread_ts\":\"1700000000.000100\"",
                "\"blocks\":[").doesNotContain("reply_broadcast");
        assertThat(receipt.message()).contains(new SlackMessageRef("C0ROUTED", "1700000000.000300"));
    }

    @Test
    void aBroadcastReplyAlsoShowsInTheChannel() {
        server.answer(Answer.of(200, "{\"ok\":true}"));

        sender.reply(BOT, PARENT, PAYLOAD, true, tenSeconds());

        assertThat(server.requests().get(0).body()).contains("\"reply_broadcast\":true");
    }

    @Test
    void anUpdateReplacesTheMessageWithChatUpdate() {
        server.answer(Answer.of(200, "{\"ok\":true,\"channel\":\"C0ROUTED\",\"ts\":\"1700000000.000100\"}"));

        DeliveryReceipt receipt = sender.update(BOT, PARENT, PAYLOAD, tenSeconds());

        ScriptedHttpServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat.update");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.body()).contains("\"channel\":\"C0ROUTED\"", "\"ts\":\"1700000000.000100\"",
                "\"text\":\"Security group changed\"", "\"blocks\":[");
        assertThat(receipt.message()).contains(PARENT);
    }

    @Test
    void anUpdateOfAMessageThatIsGoneIsPermanentAndSaysSo() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"message_not_found\"}"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.update(BOT, PARENT, PAYLOAD, tenSeconds()));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("message_not_found");
        assertThat(failure.targetGone()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aMessageTooOldToEditIsPermanentButNotGone() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"edit_window_closed\"}"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.update(BOT, PARENT, PAYLOAD, tenSeconds()));

        assertThat(failure.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(failure.targetGone()).isFalse();
    }

    @Test
    void aReplyToAThreadThatIsGoneSaysSo() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"thread_not_found\"}"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> sender.reply(BOT, PARENT, PAYLOAD, false, tenSeconds()));

        assertThat(failure.targetGone()).isTrue();
    }

    @Test
    void a429OnAnUpdateWaitsLikeAPostAndSpendsNoAttempt() {
        server.answer(Answer.of(429, "").withHeader("Retry-After", "2"),
                Answer.of(429, "").withHeader("Retry-After", "2"),
                Answer.of(429, "").withHeader("Retry-After", "2"),
                Answer.of(200, "{\"ok\":true}"));

        DeliveryReceipt receipt = sender.update(BOT, PARENT, PAYLOAD, tenSeconds());

        assertThat(receipt.throttled()).isEqualTo(3);
        assertThat(receipt.attempts()).as("three 429s with three attempts allowed still deliver").isEqualTo(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    @Test
    void anAnswerWithoutChannelOrTsStillDeliversWithoutAnAddress() {
        server.answer(Answer.of(200, "{\"ok\":true}"));

        assertThat(sender.send(BOT, PAYLOAD, null, tenSeconds()).message()).isEqualTo(Optional.empty());
    }
}
