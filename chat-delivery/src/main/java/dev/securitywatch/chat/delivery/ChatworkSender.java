package dev.securitywatch.chat.delivery;

import dev.securitywatch.chat.format.Truncation;
import dev.securitywatch.chat.secret.ChatworkRoom;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a copy of an alert to a Chatwork room ({@code POST /v2/rooms/{id}/messages}, {@code X-ChatWorkToken}), with
 * the same retries as Slack.
 */
public final class ChatworkSender {
    public static final URI CHATWORK_API = URI.create("https://api.chatwork.com/v2/");
    /** Chatwork accepts longer messages; alerts stay readable well below that. */
    static final int MAX_BODY = 10_000;

    private final RetryingPoster poster;
    private final URI apiBase;

    /** See {@link SlackSender#SlackSender}; {@code apiBase} ends in {@code /v2/}. */
    public ChatworkSender(HttpClient http, RetryPolicy policy, Duration attemptTimeout, Sleeper sleeper,
                          URI apiBase, Pacer pacer) {
        this.poster = new RetryingPoster(http, policy, attemptTimeout, sleeper, pacer);
        this.apiBase = apiBase;
    }

    /** Production wiring: the same retries and pacing as {@link SlackSender#create}, Chatwork's API. */
    public static ChatworkSender create(HttpClient http, Pacer pacer) {
        return new ChatworkSender(http, RetryingPoster.DEFAULT_POLICY, RetryingPoster.DEFAULT_ATTEMPT_TIMEOUT,
                Sleeper.REAL, CHATWORK_API, pacer);
    }

    /** Sends {@code title} and {@code body} (plain, untrusted text) as one {@code [info]} message. */
    public DeliveryReceipt send(ChatworkRoom room, String title, String body, Deadline deadline) {
        String message = "[info][title]" + escape(title) + "[/title]" + Truncation.cut(escape(body), MAX_BODY)
                + "[/info]";
        String form = "body=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        return poster.post(new RetryingPoster.Request("Chatwork room " + room.roomId(),
                        apiBase.resolve("rooms/" + room.roomId() + "/messages"), Map.of("X-ChatWorkToken", room.token()),
                        "application/x-www-form-urlencoded", form),
                (status, answer) -> status >= 200 && status < 300 ? Verdict.DELIVERED
                        : new Verdict.Rejected("http_" + status), deadline);
    }

    /**
     * Chatwork has no escape syntax; a full-width bracket keeps event text from forming {@code [toall]},
     * {@code [To:id]} or closing the {@code [info]} box.
     */
    static String escape(String text) {
        return text == null ? "" : text.replace('[', '［').replace(']', '］');
    }
}
