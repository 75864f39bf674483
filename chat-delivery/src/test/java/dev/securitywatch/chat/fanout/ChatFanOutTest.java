package dev.securitywatch.chat.fanout;

import dev.securitywatch.chat.SlackPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.securitywatch.chat.fanout.ChatFanOut.Sink;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The secret → Slack → Chatwork fan-out with the real senders against a local HTTP server. */
class ChatFanOutTest {
    private static final HttpClient HTTP = ChatHttp.client();
    private static final RetryPolicy TWO_QUICK = RetryPolicy.equalJitter(2, Duration.ofMillis(1), Duration.ofMillis(2));
    private static final String BOT_AND_ROOM = "{\"botToken\":\"xoxb-SECRET\",\"defaultChannel\":\"C0DEFAULT\","
            + "\"chatworkToken\":\"cw-SECRET\",\"roomId\":\"42\"}";
    private static final ChatMessage MESSAGE = new ChatMessage(SlackPayload.plainText("Security group changed"),
            "C0ROUTED", "Security group changed", "actor: alice");

    private ScriptedHttpServer server;
    private final AtomicInteger secretReads = new AtomicInteger();
    private final AtomicReference<String> secretJson = new AtomicReference<>(BOT_AND_ROOM);
    private ChatFanOut fanOut;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
        CachedSlackSecret secret = new CachedSlackSecret(id -> {
            secretReads.incrementAndGet();
            return secretJson.get();
        }, "arn:aws:secretsmanager:us-east-1:111111111111:secret:slack");
        fanOut = ChatFanOut.cached(secret, slack(), chatwork());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SlackSender slack() {
        return new SlackSender(HTTP, TWO_QUICK, Duration.ofSeconds(2), d -> { }, server.uri("/api/"), Pacer.NONE);
    }

    private ChatworkSender chatwork() {
        return new ChatworkSender(HTTP, TWO_QUICK, Duration.ofSeconds(2), d -> { }, server.uri("/v2/"), Pacer.NONE);
    }

    private static Deadline fiveSeconds() {
        return Deadline.after(Duration.ofSeconds(5));
    }

    @Test
    void theSecretSaysWhichSinksThereAre() {
        assertThat(fanOut.sinks()).containsExactly(Sink.SLACK, Sink.CHATWORK);
        assertThat(Sink.SLACK.id()).isEqualTo("slack");
        assertThat(Sink.CHATWORK.id()).isEqualTo("chatwork");

        ChatFanOut slackOnly = ChatFanOut.fixed(SlackSecret.parse("{\"webhookUrl\":\"https://hooks.slack.com/services/x\"}"),
                slack(), chatwork());
        assertThat(slackOnly.sinks()).containsExactly(Sink.SLACK);
    }

    @Test
    void deliversToSlackOnTheMessagesChannelThenCopiesToChatwork() {
        server.answer(Answer.of(200, "{\"ok\":true}"), Answer.of(200, "{\"message_id\":\"1\"}"));

        List<DeliveryReceipt> receipts = fanOut.deliverAll(MESSAGE, fiveSeconds());

        assertThat(receipts).extracting(DeliveryReceipt::destination)
                .containsExactly("Slack channel C0ROUTED", "Chatwork room 42");
        assertThat(server.requests().get(0).path()).isEqualTo("/api/chat.postMessage");
        assertThat(server.requests().get(0).body()).contains("\"channel\":\"C0ROUTED\"");
        assertThat(server.requests().get(1).path()).isEqualTo("/v2/rooms/42/messages");
        assertThat(server.requests().get(1).header("X-ChatWorkToken")).isEqualTo("cw-SECRET");
        assertThat(secretReads).hasValue(1);
    }

    @Test
    void aSlackFailureStopsBeforeChatwork() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));

        assertThatThrownBy(() -> fanOut.deliverAll(MESSAGE, fiveSeconds())).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("channel_not_found");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void rejectedCredentialsMakeTheNextDeliveryReadTheSecretAgain() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"token_revoked\"}"), Answer.of(200, "{\"ok\":true}"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> fanOut.deliver(Sink.SLACK, MESSAGE, fiveSeconds()));
        fanOut.deliver(Sink.SLACK, MESSAGE, fiveSeconds());

        assertThat(failure.credentialsRejected()).isTrue();
        assertThat(failure.getMessage()).doesNotContain("SECRET");
        assertThat(secretReads).hasValue(2);
    }

    @Test
    void otherRefusalsKeepTheCachedSecret() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));

        assertThatThrownBy(() -> fanOut.deliver(Sink.SLACK, MESSAGE, fiveSeconds()));
        fanOut.sinks();

        assertThat(secretReads).hasValue(1);
    }

    @Test
    void aChatworkRoomRemovedSinceTheSinksWereListedIsAFailureNotACrash() {
        assertThat(fanOut.sinks()).contains(Sink.CHATWORK);
        secretJson.set("{\"botToken\":\"xoxb-SECRET\",\"defaultChannel\":\"C0DEFAULT\"}");
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"token_revoked\"}"));
        assertThatThrownBy(() -> fanOut.deliver(Sink.SLACK, MESSAGE, fiveSeconds()));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> fanOut.deliver(Sink.CHATWORK, MESSAGE, fiveSeconds()));

        assertThat(failure.errorCode()).isEqualTo("chatwork_not_configured");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anUnreadableSecretIsASecretError() {
        secretJson.set("{\"webhookUrl\":\"not a url SECRET\"}");

        assertThatThrownBy(() -> fanOut.deliverAll(MESSAGE, fiveSeconds()))
                .isInstanceOf(SecretFormatException.class).hasMessageNotContaining("SECRET");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void onlyABotTokenCanThreadAndAWebhookIsRefusedClearly() {
        server.answer(Answer.of(200, "{\"ok\":true,\"channel\":\"C0ROUTED\",\"ts\":\"1.3\"}"));
        SlackMessageRef parent = new SlackMessageRef("C0ROUTED", "1.2");

        assertThat(fanOut.threads()).isTrue();
        assertThat(fanOut.reply(MESSAGE, parent, false, fiveSeconds()).message())
                .contains(new SlackMessageRef("C0ROUTED", "1.3"));
        assertThat(server.requests().get(0).body()).contains("\"thread_ts\":\"1.2\"");

        ChatFanOut webhook = ChatFanOut.fixed(SlackSecret.parse("{\"webhookUrl\":\"https://hooks.slack.com/services/x\"}"),
                slack(), chatwork());
        assertThat(webhook.threads()).isFalse();
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> webhook.update(MESSAGE, parent, fiveSeconds()));
        assertThat(refused.errorCode()).isEqualTo("threads_need_bot_token");
        assertThat(refused.kind()).isEqualTo(DeliveryException.Kind.PERMANENT);
        assertThat(server.requests()).hasSize(1);
    }
}
