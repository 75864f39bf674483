package dev.securitywatch.chat.fanout;

import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.ChatworkRoom;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.chat.secret.SlackDestination;
import dev.securitywatch.chat.secret.SlackSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The Slack secret fanned out to its sinks: Slack (webhook or bot token), then the Chatwork room when the secret names
 * one. When a sink rejects the credentials (a revoked token, a deleted webhook), the cached secret is dropped, so the
 * next delivery reads the rotated one. Thread-safe; build one per container.
 */
public final class ChatFanOut {

    /** A place a message goes, in delivery order. */
    public enum Sink {
        SLACK,
        CHATWORK;

        /** A stable lower-case name, e.g. for dedup keys and logs: {@code slack}, {@code chatwork}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<SlackSecret> secret;
    private final Runnable forgetSecret;
    private final SlackSender slack;
    private final ChatworkSender chatwork;

    private ChatFanOut(Supplier<SlackSecret> secret, Runnable forgetSecret, SlackSender slack,
                       ChatworkSender chatwork) {
        this.secret = secret;
        this.forgetSecret = forgetSecret;
        this.slack = slack;
        this.chatwork = chatwork;
    }

    /** The Lambdas: the secret from Secrets Manager, re-read after a credentials rejection. */
    public static ChatFanOut cached(CachedSlackSecret secret, SlackSender slack, ChatworkSender chatwork) {
        return new ChatFanOut(secret, secret::invalidate, slack, chatwork);
    }

    /** A secret given whole, e.g. a CLI's {@code --webhook-url}. */
    public static ChatFanOut fixed(SlackSecret secret, SlackSender slack, ChatworkSender chatwork) {
        return new ChatFanOut(() -> secret, () -> { }, slack, chatwork);
    }

    /**
     * The sinks the secret configures now: Slack, then Chatwork when it names a room.
     *
     * @throws SecretFormatException when the secret cannot be read or has the wrong shape
     */
    public List<Sink> sinks() {
        return secret.get().chatwork().isPresent() ? List.of(Sink.SLACK, Sink.CHATWORK) : List.of(Sink.SLACK);
    }

    /**
     * Delivers {@code message} to one sink.
     *
     * @throws DeliveryException     when the sink refused it, retries ran out, or the secret no longer names a
     *                               Chatwork room
     * @throws SecretFormatException when the secret cannot be read or has the wrong shape
     */
    public DeliveryReceipt deliver(Sink sink, ChatMessage message, Deadline deadline) {
        SlackSecret destinations = secret.get();
        try {
            if (sink == Sink.SLACK) {
                return slack.send(destinations.slack(), message.slack(), message.slackChannel(), deadline);
            }
            Optional<ChatworkRoom> room = destinations.chatwork();
            if (room.isEmpty()) {
                throw new DeliveryException(DeliveryException.Kind.PERMANENT, "chatwork_not_configured", 0, 0,
                        "the Slack secret names no Chatwork room any more");
            }
            return chatwork.send(room.get(), message.chatworkTitle(), message.chatworkBody(), deadline);
        } catch (DeliveryException e) {
            if (e.credentialsRejected()) {
                forgetSecret.run();
            }
            throw e;
        }
    }

    /** Slack is reached with a bot token now, so messages can be threaded and updated; a webhook cannot. */
    public boolean threads() {
        return secret.get().slack() instanceof SlackDestination.BotToken;
    }

    /**
     * Posts {@code message} to Slack as a reply in the thread of {@code parent}.
     *
     * @param broadcast also show the reply in the channel
     * @throws DeliveryException when Slack refused it (also {@code threads_need_bot_token} when the secret is a
     *                           webhook now), or retries ran out
     */
    public DeliveryReceipt reply(ChatMessage message, SlackMessageRef parent, boolean broadcast, Deadline deadline) {
        return viaBot((slack, bot) -> slack.reply(bot, parent, message.slack(), broadcast, deadline));
    }

    /**
     * Replaces the Slack message {@code target} with {@code message}.
     *
     * @throws DeliveryException as {@link #reply}
     */
    public DeliveryReceipt update(ChatMessage message, SlackMessageRef target, Deadline deadline) {
        return viaBot((slack, bot) -> slack.update(bot, target, message.slack(), deadline));
    }

    private DeliveryReceipt viaBot(BiFunction<SlackSender, SlackDestination.BotToken, DeliveryReceipt> call) {
        if (!(secret.get().slack() instanceof SlackDestination.BotToken bot)) {
            // The secret was rotated from a bot token to a webhook between the post and this call.
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "threads_need_bot_token", 0, 0,
                    "the Slack secret holds a webhook now; only a bot token can reply in a thread or update");
        }
        try {
            return call.apply(slack, bot);
        } catch (DeliveryException e) {
            if (e.credentialsRejected()) {
                forgetSecret.run();
            }
            throw e;
        }
    }

    /**
     * Delivers {@code message} to every sink in order, stopping at the first failure (Slack has then been tried,
     * and may have the message even when Chatwork failed).
     *
     * @return one receipt per sink
     */
    public List<DeliveryReceipt> deliverAll(ChatMessage message, Deadline deadline) {
        List<DeliveryReceipt> receipts = new ArrayList<>();
        for (Sink sink : sinks()) {
            receipts.add(deliver(sink, message, deadline));
        }
        return List.copyOf(receipts);
    }
}
