package dev.securitywatch.event;

/**
 * A message that is not an event we understand. It is kept whole so that callers can still deliver or index it
 * as raw text: nothing is dropped silently.
 *
 * @param raw    the message as received
 * @param reason why it could not be read, for logs and fallback messages
 */
public record UnreadableMessage(String raw, String reason) implements InboundMessage {
}
