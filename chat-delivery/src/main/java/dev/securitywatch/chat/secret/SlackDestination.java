package dev.securitywatch.chat.secret;

import java.net.URI;
import java.util.Objects;

/** Where Slack messages go: an incoming webhook, or a bot token posting with {@code chat.postMessage}. */
public sealed interface SlackDestination {

    /** An incoming webhook; the URL is the credential, so it is never printed. */
    record Webhook(URI url) implements SlackDestination {
        public Webhook {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "Webhook[url=<redacted>]";
        }
    }

    /** A bot token ({@code xoxb-...}) and the channel that takes every message no route claims. */
    record BotToken(String token, String defaultChannel) implements SlackDestination {
        public BotToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(defaultChannel, "defaultChannel");
        }

        @Override
        public String toString() {
            return "BotToken[token=<redacted>, defaultChannel=" + defaultChannel + "]";
        }
    }
}
