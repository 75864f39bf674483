package dev.securitywatch.chat.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import dev.securitywatch.chat.secret.ChatworkRoom;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatworkSenderTest {
    private static final ChatworkRoom ROOM = new ChatworkRoom("cw-SECRET-token", "123456");

    private ScriptedHttpServer server;
    private RecordingSleeper sleeper;
    private ChatworkSender sender;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
        sleeper = new RecordingSleeper();
        sender = new ChatworkSender(ChatHttp.client(), RetryingPoster.DEFAULT_POLICY.withRandom(() -> 0.0),
                RetryingPoster.DEFAULT_ATTEMPT_TIMEOUT, sleeper, server.uri("/v2/"), Pacer.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsAFormMessageWithTheTokenHeader() {
        server.answer(Answer.of(200, "{\"message_id\":\"1\"}"));

        DeliveryReceipt receipt = sender.send(ROOM, "Security group changed", "actor: alice [toall]",
                Deadline.after(Duration.ofSeconds(5)));

        assertThat(receipt.destination()).isEqualTo("Chatwork room 123456");
        ScriptedHttpServer.Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v2/rooms/123456/messages");
        assertThat(request.header("X-ChatWorkToken")).isEqualTo("cw-SECRET-token");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        String body = URLDecoder.decode(request.body().substring("body=".length()), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("[info][title]Security group changed[/title]actor: alice ［toall］[/info]");
    }

    @Test
    void honoursRetryAfterAndRefusalsAreNamedWithoutTheToken() {
        server.answer(Answer.of(429, "").withHeader("Retry-After", "2"), Answer.of(401, "{\"errors\":[\"x\"]}"));

        assertThatThrownBy(() -> sender.send(ROOM, "t", "b", Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("Chatwork room 123456 refused the message: http_401")
                .hasMessageNotContaining("SECRET");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    }
}
