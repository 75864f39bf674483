package dev.securitywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.OutboundMessage;
import dev.securitywatch.notifier.support.LocalChat;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bot-token routing, the Chatwork copy and secret re-reads, against a local HTTP server. */
class ChatOutboxTest {
    private static final String SG_EVENT = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json";

    private ScriptedHttpServer server;
    private final AtomicInteger secretReads = new AtomicInteger();
    private ChatOutbox outbox;
    private OutboundMessage message;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedHttpServer();
        CachedSlackSecret secret = new CachedSlackSecret(id -> {
            secretReads.incrementAndGet();
            return "{\"botToken\":\"xoxb-SECRET\",\"defaultChannel\":\"C-DEFAULT\",\"chatworkToken\":\"cw-SECRET\","
                    + "\"roomId\":\"42\"}";
        }, "arn:aws:secretsmanager:us-east-1:111111111111:secret:slack");
        SlackRoutes routes = SlackRoutes.fromJson("[{\"channel\":\"C-SG-CRITICAL\",\"categories\":[\"security-group\"],"
                + "\"severities\":[\"CRITICAL\"]}]", new ObjectMapper());
        outbox = LocalChat.outbox(secret, server.uri("/api/"), server.uri("/v2/"), routes);
        message = Rendering.outbound(Rendering.parse(AcceptanceData.text(SG_EVENT)).get(0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void routesByCategoryAndSeverityAndCopiesToChatwork() {
        server.answer(Answer.of(200, "{\"ok\":true}"), Answer.of(200, "{\"message_id\":\"1\"}"));

        assertThat(outbox.sinks()).containsExactly("slack", "chatwork");
        outbox.deliver("slack", message, Deadline.after(Duration.ofSeconds(5)));
        outbox.deliver("chatwork", message, Deadline.after(Duration.ofSeconds(5)));

        assertThat(server.requests().get(0).body()).contains("\"channel\":\"C-SG-CRITICAL\"");
        assertThat(server.requests().get(1).path()).isEqualTo("/v2/rooms/42/messages");
        assertThat(server.requests().get(1).body()).contains("CRITICAL").contains("tcp%2F22");
        assertThat(secretReads).hasValue(1);
    }

    @Test
    void rejectedCredentialsMakeTheNextDeliveryReadTheSecretAgain() {
        server.answer(Answer.of(200, "{\"ok\":false,\"error\":\"token_revoked\"}"), Answer.of(200, "{\"ok\":true}"));

        assertThatThrownBy(() -> outbox.deliver("slack", message, Deadline.after(Duration.ofSeconds(5))))
                .isInstanceOf(DeliveryException.class).hasMessageNotContaining("SECRET");
        outbox.deliver("slack", message, Deadline.after(Duration.ofSeconds(5)));

        assertThat(secretReads).hasValue(2);
    }
}
