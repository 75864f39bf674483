package dev.securitywatch.chat.fanout;

import dev.securitywatch.chat.SlackPayload;

import java.util.Objects;

/**
 * One message for every chat sink the Slack secret configures.
 *
 * @param slack         the Block Kit message
 * @param slackChannel  the channel for bot-token mode; null means the secret's default channel (a webhook ignores it)
 * @param chatworkTitle the Chatwork copy's title, plain untrusted text
 * @param chatworkBody  the Chatwork copy's body, plain untrusted text
 */
public record ChatMessage(SlackPayload slack, String slackChannel, String chatworkTitle, String chatworkBody) {
    public ChatMessage {
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(chatworkTitle, "chatworkTitle");
        Objects.requireNonNull(chatworkBody, "chatworkBody");
    }
}
