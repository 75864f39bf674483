import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.handler.NotifierWiring;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.support.RateLimitedSlack;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The path before issue 10, as Lambda ran it: one SNS message → one async invocation per event, all at once (no
 * reserved concurrency), each with a 30 s deadline; a failed invocation is retried by Lambda at +60 s and +120 s and
 * then dead-lettered. Real time, real notifier service, real Slack sender, against the rate-limited stand-in.
 * Usage: OldPath CORPUS_DIR N...
 */
public final class OldPath {
    private static final Duration DEADLINE = Duration.ofSeconds(28);
    private static final long[] RETRY_AFTER_SECONDS = {60, 120};

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            run(corpus, Integer.parseInt(args[i]));
        }
    }

    private static void run(Path corpus, int n) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> events = BurstEvents.snsNotifications(corpus, n, Instant.now());
        try (RateLimitedSlack slack = new RateLimitedSlack(1, 3)) {
            HttpClient http = ChatHttp.client();
            SlackSecret secret = SlackSecret.parse(mapper.createObjectNode()
                    .put("webhookUrl", slack.webhook("C-ALERTS").toString()).toString());
            ChatOutbox outbox = new ChatOutbox(ChatFanOut.fixed(secret, SlackSender.create(http),
                    ChatworkSender.create(http)), SlackRoutes.none());
            NotifierWiring runtime = NotifierWiring.create(NotifierSettings.fromEnvironment(Map.of(), mapper),
                    new InMemoryDeliveryLedger(), outbox, new NotifierLog(), mapper);
            ScheduledExecutorService lambda = Executors.newScheduledThreadPool(n);
            CountDownLatch settled = new CountDownLatch(n);
            AtomicInteger deadLettered = new AtomicInteger();
            AtomicLong lastDelivery = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                // Arrivals spread evenly over the burst's ten seconds.
                invoke(lambda, runtime, events.get(i), 0, 10_000L * i / n, settled, deadLettered, lastDelivery);
            }
            settled.await();
            lambda.shutdownNow();
            String seconds = deadLettered.get() > 0 ? "never (" + deadLettered.get() + " lost to the DLQ)"
                    : String.format("%.0f", (lastDelivery.get() - start) / 1e9);
            System.out.printf("| one event per invocation | %d | %d | %s | %d | %d |%n", n, slack.posts.get(),
                    seconds, deadLettered.get(), slack.throttled.get());
        }
    }

    private static void invoke(ScheduledExecutorService lambda, NotifierWiring runtime, String event, int retry,
                               long delayMillis, CountDownLatch settled, AtomicInteger deadLettered,
                               AtomicLong lastDelivery) {
        lambda.schedule(() -> {
            BatchResult result = runtime.service().handle(runtime.parser().parseText(event),
                    Deadline.after(DEADLINE));
            if (!result.failed()) {
                lastDelivery.accumulateAndGet(System.nanoTime(), Math::max);
                settled.countDown();
            } else if (retry < RETRY_AFTER_SECONDS.length) {
                invoke(lambda, runtime, event, retry + 1, RETRY_AFTER_SECONDS[retry] * 1000, settled, deadLettered,
                        lastDelivery);
            } else {
                deadLettered.incrementAndGet();
                settled.countDown();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private OldPath() {
    }
}
