package dev.securitywatch.notifier.support;

import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.routing.SlackRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The real senders with two quick attempts and no sleeping, pointed wherever a test's local server listens. */
public final class LocalChat {
    public static final RetryPolicy FAST = RetryPolicy.equalJitter(2, Duration.ofMillis(1), Duration.ofMillis(2))
            .withRandom(() -> 0.5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = ChatHttp.client();

    private LocalChat() {
    }

    public static ChatOutbox outbox(CachedSlackSecret secret, URI slackApi, URI chatworkApi, SlackRoutes routes) {
        return new ChatOutbox(ChatFanOut.cached(secret, slack(slackApi), chatwork(chatworkApi)), routes);
    }

    /** Webhook mode: the APIs are never called, so they point nowhere. The settings' pace is not kept: tests wait for nothing. */
    public static ChatOutbox webhookOutbox(SlackSecret secret, NotifierSettings settings) {
        return new ChatOutbox(ChatFanOut.fixed(secret, slack(SlackSender.SLACK_API),
                chatwork(ChatworkSender.CHATWORK_API)), SlackRoutes.none());
    }

    private static SlackSender slack(URI api) {
        return new SlackSender(HTTP, FAST, ATTEMPT_TIMEOUT, d -> { }, api, Pacer.NONE);
    }

    private static ChatworkSender chatwork(URI api) {
        return new ChatworkSender(HTTP, FAST, ATTEMPT_TIMEOUT, d -> { }, api, Pacer.NONE);
    }
}
