package dev.securitywatch.chat.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.secret.SlackDestination;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Posts a message to Slack through an incoming webhook or {@code chat.postMessage}, with retries (see
 * {@link RetryingPoster}); with a bot token, also replies in threads and updates posted messages. When Slack refuses the blocks ({@code invalid_blocks} and similar), the top-level text is
 * re-sent once on its own, so the alert still arrives.
 */
public final class SlackSender {
    public static final URI SLACK_API = URI.create("https://slack.com/api/");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json; charset=utf-8";

    private final RetryingPoster poster;
    private final URI postMessageUri;
    private final URI updateUri;

    /**
     * @param http           a {@link ChatHttp#client()}, shared with the {@link ChatworkSender}
     * @param policy         attempts and backoff for 5xx, timeouts and connection errors
     * @param attemptTimeout how long one exchange may take
     * @param apiBase        Slack's Web API base, ending in {@code /api/}; tests point it at a local server
     * @param pacer          the pace per channel every post waits for
     */
    public SlackSender(HttpClient http, RetryPolicy policy, Duration attemptTimeout, Sleeper sleeper, URI apiBase,
                       Pacer pacer) {
        this.poster = new RetryingPoster(http, policy, attemptTimeout, sleeper, pacer);
        this.postMessageUri = apiBase.resolve("chat.postMessage");
        this.updateUri = apiBase.resolve("chat.update");
    }

    /**
     * Production wiring: 5 attempts for errors, 0.5 s doubling to 4 s with equal jitter, 5 s per attempt, real
     * sleeps, Slack's API, and {@code pacer} for the pace.
     */
    public static SlackSender create(HttpClient http, Pacer pacer) {
        return new SlackSender(http, RetryingPoster.DEFAULT_POLICY, RetryingPoster.DEFAULT_ATTEMPT_TIMEOUT,
                Sleeper.REAL, SLACK_API, pacer);
    }

    /**
     * Delivers {@code payload}.
     *
     * @param channel the routed channel for bot-token mode; null means the destination's default channel. A webhook
     *                posts to its own channel and ignores it.
     * @return the receipt; in bot-token mode it says where the message landed, to reply to it or update it later
     * @throws DeliveryException when Slack refused the message and its plain-text fallback, or retries ran out
     */
    public DeliveryReceipt send(SlackDestination destination, SlackPayload payload, String channel,
                                Deadline deadline) {
        if (destination instanceof SlackDestination.Webhook webhook) {
            return withTextFallback(payload, body -> poster.post(
                    new RetryingPoster.Request("Slack webhook", webhook.url(), Map.of(), JSON, body.json()),
                    SlackSender::readWebhookAnswer, deadline));
        }
        SlackDestination.BotToken bot = (SlackDestination.BotToken) destination;
        String target = channel != null ? channel : bot.defaultChannel();
        return withTextFallback(payload, body -> callApi(bot, postMessageUri, channelPace(target),
                body.jsonForChannel(target), deadline));
    }

    /**
     * Posts {@code payload} as a reply in the thread of {@code parent}. Only a bot token can: a webhook message has
     * no address to reply to. Replies share the channel's pace, since Slack counts them as posts to the channel.
     *
     * @param broadcast also show the reply in the channel, for what must not hide in a thread
     * @throws DeliveryException as {@link #send}; {@link DeliveryException#targetGone()} when the parent is gone
     */
    public DeliveryReceipt reply(SlackDestination.BotToken bot, SlackMessageRef parent, SlackPayload payload,
                                 boolean broadcast, Deadline deadline) {
        return withTextFallback(payload, body -> callApi(bot, postMessageUri, channelPace(parent.channel()),
                body.jsonForReply(parent.channel(), parent.ts(), broadcast), deadline));
    }

    /**
     * Replaces the message {@code target} with {@code payload} ({@code chat.update}), e.g. a parent alert with a
     * status line added. Updates have a pace of their own per channel: Slack limits them per method, not with the
     * channel's posts.
     *
     * @throws DeliveryException as {@link #send}; {@link DeliveryException#targetGone()} when the message is gone;
     *                           {@code cant_update_message} and {@code edit_window_closed} are permanent
     */
    public DeliveryReceipt update(SlackDestination.BotToken bot, SlackMessageRef target, SlackPayload payload,
                                  Deadline deadline) {
        return withTextFallback(payload, body -> callApi(bot, updateUri, "Slack updates in " + target.channel(),
                body.jsonForUpdate(target.channel(), target.ts()), deadline));
    }

    /**
     * Sends the payload; when Slack refuses its blocks, sends its top-level text alone once, so the alert still
     * arrives.
     */
    private static DeliveryReceipt withTextFallback(SlackPayload payload, Function<SlackPayload, DeliveryReceipt> send) {
        try {
            return send.apply(payload);
        } catch (DeliveryException refused) {
            if (refused.kind() != DeliveryException.Kind.PERMANENT
                    || !SlackErrors.isContentError(refused.errorCode())) {
                throw refused;
            }
            DeliveryReceipt first = new DeliveryReceipt("", refused.attempts(), refused.throttled(), false);
            return send.apply(payload.asPlainText()).asPlainTextFallback(first);
        }
    }

    private static String channelPace(String channel) {
        return "Slack channel " + channel;
    }

    private DeliveryReceipt callApi(SlackDestination.BotToken bot, URI method, String destination, String body,
                                    Deadline deadline) {
        return poster.post(new RetryingPoster.Request(destination, method,
                Map.of("Authorization", "Bearer " + bot.token()), JSON, body), SlackSender::readApiAnswer, deadline);
    }

    /** Webhooks answer 200 "ok", or a 4xx whose body is the error code (e.g. 400 invalid_blocks, 404 no_service). */
    private static Verdict readWebhookAnswer(int status, String body) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        return new Verdict.Rejected(SlackErrors.code(body, status));
    }

    /** The Web API answers 200 with {@code {"ok": false, "error": "..."}} for refusals. */
    private static Verdict readApiAnswer(int status, String body) {
        if (status < 200 || status >= 300) {
            return new Verdict.Rejected(SlackErrors.code(body, status));
        }
        JsonNode answer;
        try {
            answer = MAPPER.readTree(body);
        } catch (IOException e) {
            return new Verdict.Rejected("unreadable_response");
        }
        if (answer != null && answer.path("ok").asBoolean(false)) {
            String channel = answer.path("channel").asText("");
            String ts = answer.path("ts").asText("");
            return channel.isBlank() || ts.isBlank() ? Verdict.DELIVERED
                    : new Verdict.Delivered(Optional.of(new SlackMessageRef(channel, ts)));
        }
        String error = answer == null ? "unreadable_response" : SlackErrors.code(answer.path("error").asText(""), status);
        return SlackErrors.isTransient(error) ? new Verdict.Retry(error) : new Verdict.Rejected(error);
    }
}
