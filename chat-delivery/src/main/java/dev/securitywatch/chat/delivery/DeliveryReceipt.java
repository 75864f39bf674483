package dev.securitywatch.chat.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A delivered message.
 *
 * @param destination       a printable name of where it went: "webhook", a channel id, "chatwork room 123"
 * @param attempts          HTTP attempts it took
 * @param throttled         429 answers honoured on the way
 * @param plainTextFallback Slack rejected the blocks, and the text alone was sent instead
 * @param message           where the message landed, to reply to or update it; bot-token posts only
 */
public record DeliveryReceipt(String destination, int attempts, int throttled, boolean plainTextFallback,
                              Optional<SlackMessageRef> message) {

    public DeliveryReceipt {
        Objects.requireNonNull(message, "message");
    }

    /** A delivery whose message cannot be addressed later: a webhook's or Chatwork's. */
    public DeliveryReceipt(String destination, int attempts, int throttled, boolean plainTextFallback) {
        this(destination, attempts, throttled, plainTextFallback, Optional.empty());
    }

    DeliveryReceipt asPlainTextFallback(DeliveryReceipt first) {
        return new DeliveryReceipt(destination, first.attempts + attempts, first.throttled + throttled, true, message);
    }
}
