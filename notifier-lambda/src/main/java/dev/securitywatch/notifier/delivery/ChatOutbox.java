package dev.securitywatch.notifier.delivery;

import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.fanout.ChatMessage;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.OutboundMessage;
import java.util.List;

/**
 * The notifier's outbox on chat-delivery's {@link ChatFanOut}: the sinks by name (the dedup ledger keys on them) and
 * the Slack channel from the notifier's routes.
 */
public final class ChatOutbox implements AlertOutbox {
    public static final String SLACK = ChatFanOut.Sink.SLACK.id();
    public static final String CHATWORK = ChatFanOut.Sink.CHATWORK.id();

    private final ChatFanOut fanOut;
    private final SlackRoutes routes;

    public ChatOutbox(ChatFanOut fanOut, SlackRoutes routes) {
        this.fanOut = fanOut;
        this.routes = routes;
    }

    @Override
    public List<String> sinks() {
        return fanOut.sinks().stream().map(ChatFanOut.Sink::id).toList();
    }

    @Override
    public String route(Alert alert) {
        return routes.channelFor(alert).orElse("");
    }

    @Override
    public DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline) {
        ChatFanOut.Sink target = CHATWORK.equals(sink) ? ChatFanOut.Sink.CHATWORK : ChatFanOut.Sink.SLACK;
        return fanOut.deliver(target, chatMessage(message, message.slack()), deadline);
    }

    @Override
    public boolean threads(String sink) {
        return SLACK.equals(sink) && fanOut.threads();
    }

    @Override
    public DeliveryReceipt reply(String sink, OutboundMessage message, SlackMessageRef parent, boolean broadcast,
                                 Deadline deadline) {
        return fanOut.reply(chatMessage(message, message.slack()), parent, broadcast, deadline);
    }

    @Override
    public DeliveryReceipt update(String sink, OutboundMessage message, SlackPayload payload,
                                  SlackMessageRef target, Deadline deadline) {
        return fanOut.update(chatMessage(message, payload), target, deadline);
    }

    private ChatMessage chatMessage(OutboundMessage message, SlackPayload slack) {
        return new ChatMessage(slack, routes.channelFor(message.alert()).orElse(null), message.plainTitle(),
                message.plainBody());
    }
}
