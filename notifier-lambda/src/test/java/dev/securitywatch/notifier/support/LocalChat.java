package dev.securitywatch.notifier.support;

import dev.securitywatch.awslite.http.PlainHttp;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.RetryPolicy;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.SlackSecret;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/** The real senders with two quick attempts and no sleeping, pointed wherever a test's local server listens. */
public final class LocalChat {
    public static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofSeconds(2));
    private static final PlainHttp HTTP = new PlainHttp();

    private LocalChat() {
    }

    public static ChatOutbox outbox(Supplier<SlackSecret> secret, URI slackApi, URI chatworkApi, SlackRoutes routes) {
        return new ChatOutbox(secret, new SlackSender(HTTP, FAST, d -> { }, () -> 0.5, slackApi),
                new ChatworkSender(HTTP, FAST, d -> { }, () -> 0.5, chatworkApi), routes);
    }

    /** Webhook mode: the APIs are never called, so they point nowhere. */
    public static ChatOutbox webhookOutbox(SlackSecret secret) {
        return outbox(() -> secret, SlackSender.SLACK_API, ChatworkSender.CHATWORK_API, SlackRoutes.none());
    }
}
