package dev.securitywatch.hubcheck.slack;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.ReportPublisher;
import dev.securitywatch.hubcheck.report.SlackMessage;
import dev.securitywatch.hubcheck.report.SlackPayloadJson;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.chat.secret.SlackSecret;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts the report through chat-delivery: webhook or bot token from Secrets Manager, retries, 429 and
 * {@code Retry-After}. In bot-token mode the report goes to the configured channel, else the secret's default.
 * When the secret also names a Chatwork room, the report's one-line summary is copied there after Slack. Failures
 * carry chat-delivery's messages, which name the destination but never the webhook URL or token.
 */
public final class SlackReportPublisher implements ReportPublisher {
    private final CachedSlackSecret secret;
    private static final String CHATWORK_TITLE = "Security Hub membership";

    private final SlackSender sender;
    private final ChatworkSender chatwork;
    private final Duration deliveryBudget;
    private final Optional<String> channel;

    /**
     * @param deliveryBudget how long retries may take in all; keep it inside the Lambda timeout
     * @param channel        bot-token mode's channel; empty means the secret's default channel
     */
    public SlackReportPublisher(CachedSlackSecret secret, SlackSender sender, ChatworkSender chatwork,
                                Duration deliveryBudget, Optional<String> channel) {
        this.secret = secret;
        this.sender = sender;
        this.chatwork = chatwork;
        this.deliveryBudget = deliveryBudget;
        this.channel = channel;
    }

    @Override
    public void publish(SlackMessage message) {
        SlackPayload payload = SlackPayload.of(SlackPayloadJson.toJson(message));
        Deadline deadline = Deadline.after(deliveryBudget);
        try {
            SlackSecret destinations = secret.get();
            sender.send(destinations.slack(), payload, channel.orElse(null), deadline);
            destinations.chatwork().ifPresent(room -> chatwork.send(room, CHATWORK_TITLE, message.text(), deadline));
        } catch (DeliveryException e) {
            if (e.credentialsRejected()) {
                secret.invalidate();
            }
            throw new DependencyFailure("Report delivery failed: " + e.getMessage(), e);
        } catch (SecretFormatException e) {
            throw new DependencyFailure("Slack secret unusable: " + e.getMessage(), e);
        }
    }
}
