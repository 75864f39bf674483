package dev.securitywatch.notifier.service;

import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
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
}
