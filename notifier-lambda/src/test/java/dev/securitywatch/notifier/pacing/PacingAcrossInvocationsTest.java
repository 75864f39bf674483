package dev.securitywatch.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.SlackDestination;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.support.LocalChat;
import dev.securitywatch.notifier.support.RateLimitedSlack;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent invocations, each with its own pacer as separate Lambda containers have, posting through the real Slack
 * sender to one channel of a stand-in that enforces the channel's pace. Each keeps its share of the pace, so together
 * they stay within it; a control run where each takes the whole pace shows the stand-in does refuse.
 */
class PacingAcrossInvocationsTest {
    /** Fast enough for a test; the stand-in enforces the same pace. */
    private static final double POSTS_PER_SECOND = 20;
    private static final int BURST = 3;
    private static final int INVOCATIONS = 2;
    private static final int POSTS_EACH = 15;

    @Test
    void invocationsSharingThePaceAreNeverRefused() throws Exception {
        try (RateLimitedSlack slack = new RateLimitedSlack(POSTS_PER_SECOND, BURST)) {
            int delivered = postConcurrently(slack, new NotifierSettings.Pace(POSTS_PER_SECOND, BURST, INVOCATIONS));

            assertThat(delivered).isEqualTo(INVOCATIONS * POSTS_EACH);
            assertThat(slack.posts.get()).isEqualTo(INVOCATIONS * POSTS_EACH);
            assertThat(slack.throttled.get()).isZero();
        }
    }

    @Test
    void invocationsEachTakingTheWholePaceAreRefusedButStillDeliverEverything() throws Exception {
        try (RateLimitedSlack slack = new RateLimitedSlack(POSTS_PER_SECOND, BURST)) {
            int delivered = postConcurrently(slack, new NotifierSettings.Pace(POSTS_PER_SECOND, BURST, 1));

            assertThat(slack.throttled.get()).as("the stand-in enforces the pace").isPositive();
            assertThat(delivered).as("a 429 slows a post down and never loses it").isEqualTo(INVOCATIONS * POSTS_EACH);
        }
    }

    private static int postConcurrently(RateLimitedSlack slack, NotifierSettings.Pace pace) throws Exception {
        URI webhook = slack.webhook("C-ALERTS");
        SlackPayload payload = SlackPayload.plainText("burst");
        ExecutorService invocations = Executors.newFixedThreadPool(INVOCATIONS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < INVOCATIONS; i++) {
                results.add(invocations.submit(() -> {
                    SlackSender sender = new SlackSender(ChatHttp.client(), LocalChat.FAST, Duration.ofSeconds(2),
                            Sleeper.REAL, SlackSender.SLACK_API, pace.pacer(Clock.systemUTC(), Sleeper.REAL));
                    int sent = 0;
                    for (int post = 0; post < POSTS_EACH; post++) {
                        sender.send(new SlackDestination.Webhook(webhook), payload, null,
                                Deadline.after(Duration.ofSeconds(30)));
                        sent++;
                    }
                    return sent;
                }));
            }
            int delivered = 0;
            for (Future<Integer> result : results) {
                delivered += result.get();
            }
            return delivered;
        } finally {
            invocations.shutdownNow();
        }
    }
}
