package dev.securitywatch.chat.delivery;

/**
 * Where a message posted with a bot token landed: what a thread reply ({@code thread_ts}) and {@code chat.update}
 * need. Webhooks answer only "ok", so their messages have none.
 *
 * @param channel the channel id Slack answered with, e.g. {@code C0123}
 * @param ts      the message's timestamp, Slack's id for it, e.g. {@code 1700000000.000100}
 */
public record SlackMessageRef(String channel, String ts) {
    public SlackMessageRef {
        if (channel == null || channel.isBlank() || ts == null || ts.isBlank()) {
            throw new IllegalArgumentException("a Slack message is known by a channel and a ts");
        }
    }
}
