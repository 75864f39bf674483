package dev.securitywatch.notifier.service;

import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.chat.SlackPayload;

/**
 * A rendered alert, ready for every sink.
 *
 * @param plainTitle a one-line plain-text title (Chatwork)
 * @param plainBody  the facts as plain text lines (Chatwork)
 */
public record OutboundMessage(Alert alert, SlackPayload slack, String plainTitle, String plainBody) {
}
