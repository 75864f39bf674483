package dev.securitywatch.hubcheck.slack;

import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.fanout.ChatMessage;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.ReportPublisher;
import dev.securitywatch.hubcheck.report.SlackMessage;
import dev.securitywatch.hubcheck.report.SlackPayloadJson;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts the report through chat-delivery's {@link ChatFanOut}: Slack (webhook, or bot token to the configured channel,
 * else the secret's default), then the report's one-line summary to Chatwork when the secret names a room. A failure
 * becomes a {@link DependencyFailure} carrying chat-delivery's message, which names the destination but never the
 * webhook URL or token.
 */
public final class SlackReportPublisher implements ReportPublisher {
    private static final String CHATWORK_TITLE = "Security Hub membership";

    private final ChatFanOut chat;
    private final Duration deliveryBudget;
    private final Optional<String> channel;

    /**
     * @param deliveryBudget how long retries may take in all; keep it inside the Lambda timeout
     * @param channel        bot-token mode's channel; empty means the secret's default channel
     */
    public SlackReportPublisher(ChatFanOut chat, Duration deliveryBudget, Optional<String> channel) {
        this.chat = chat;
        this.deliveryBudget = deliveryBudget;
        this.channel = channel;
    }

    @Override
    public void publish(SlackMessage message) {
        ChatMessage report = new ChatMessage(SlackPayload.of(SlackPayloadJson.toJson(message)), channel.orElse(null),
                CHATWORK_TITLE, message.text());
        try {
            chat.deliverAll(report, Deadline.after(deliveryBudget));
        } catch (DeliveryException e) {
            throw new DependencyFailure("Report delivery failed: " + e.getMessage(), e);
        } catch (SecretFormatException e) {
            throw new DependencyFailure("Slack secret unusable: " + e.getMessage(), e);
        }
    }
}
