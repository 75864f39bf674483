package dev.securitywatch.chat.delivery;

/**
 * A delivered message.
 *
 * @param destination       a printable name of where it went: "webhook", a channel id, "chatwork room 123"
 * @param attempts          HTTP attempts it took
 * @param throttled         429 answers honoured on the way
 * @param plainTextFallback Slack rejected the blocks, and the text alone was sent instead
 */
public record DeliveryReceipt(String destination, int attempts, int throttled, boolean plainTextFallback) {

    DeliveryReceipt asPlainTextFallback(DeliveryReceipt first) {
        return new DeliveryReceipt(destination, first.attempts + attempts, first.throttled + throttled, true);
    }
}
