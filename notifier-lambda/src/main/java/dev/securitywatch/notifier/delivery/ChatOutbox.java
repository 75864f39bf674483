package dev.securitywatch.notifier.delivery;

import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.OutboundMessage;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.ChatworkRoom;
import dev.securitywatch.chat.secret.SlackSecret;
import java.util.List;
import java.util.function.Supplier;

/** Slack (webhook or routed bot token) and, when the secret has one, the Chatwork room. */
public final class ChatOutbox implements AlertOutbox {
    public static final String SLACK = "slack";
    public static final String CHATWORK = "chatwork";

    private final Supplier<SlackSecret> secret;
    private final SlackSender slack;
    private final ChatworkSender chatwork;
    private final SlackRoutes routes;

    public ChatOutbox(Supplier<SlackSecret> secret, SlackSender slack, ChatworkSender chatwork, SlackRoutes routes) {
        this.secret = secret;
        this.slack = slack;
        this.chatwork = chatwork;
        this.routes = routes;
    }

    @Override
    public List<String> sinks() {
        return secret.get().chatwork().isPresent() ? List.of(SLACK, CHATWORK) : List.of(SLACK);
    }

    @Override
    public DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline) {
        try {
            if (CHATWORK.equals(sink)) {
                ChatworkRoom room = secret.get().chatwork().orElseThrow();
                return chatwork.send(room, message.plainTitle(), message.plainBody(), deadline);
            }
            return slack.send(secret.get().slack(), message.slack(),
                    routes.channelFor(message.alert()).orElse(null), deadline);
        } catch (DeliveryException e) {
            if (e.credentialsRejected() && secret instanceof CachedSlackSecret cached) {
                // Rotated or revoked: read the secret again before the retry.
                cached.invalidate();
            }
            throw e;
        }
    }
}
