package dev.securitywatch.notifier.service;

import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.chat.SlackPayload;
import java.util.List;

/** Where alerts go: Slack, and Chatwork when the secret configures it (port). */
public interface AlertOutbox {

    /** The sinks configured now, e.g. {@code [slack]} or {@code [slack, chatwork]}. */
    List<String> sinks();

    /**
     * Where an alert goes within the sinks, e.g. its routed Slack channel; alerts of different routes are never
     * summarised together. The default is one route for everything.
     */
    default String route(Alert alert) {
        return "";
    }

    /** @throws DeliveryException when the sink refused the message or retries ran out */
    DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline);

    /** The sink can reply in threads and update its messages now (Slack with a bot token). */
    default boolean threads(String sink) {
        return false;
    }

    /**
     * Posts {@code message} as a reply under {@code parent}.
     *
     * @param broadcast also show it in the channel
     * @throws DeliveryException as {@link #deliver}
     */
    default DeliveryReceipt reply(String sink, OutboundMessage message, SlackMessageRef parent, boolean broadcast,
                                  Deadline deadline) {
        throw new UnsupportedOperationException(sink + " has no threads");
    }

    /**
     * Replaces the posted message {@code target} with {@code payload}.
     *
     * @throws DeliveryException as {@link #deliver}
     */
    default DeliveryReceipt update(String sink, OutboundMessage message, SlackPayload payload,
                                   SlackMessageRef target, Deadline deadline) {
        throw new UnsupportedOperationException(sink + " has no threads");
    }
}
