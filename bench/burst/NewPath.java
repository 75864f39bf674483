import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.bucket.InMemoryCoverageReports;
import dev.securitywatch.notifier.dedup.InMemoryHeartbeatStore;
import dev.securitywatch.notifier.dedup.InMemoryThreadStore;
import dev.securitywatch.notifier.handler.NotifierStores;
import dev.securitywatch.notifier.service.ThreadStore;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.handler.NotifierWiring;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.DeliveryLedger;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.support.RateLimitedSlack;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The path since issue 10: SNS → an SQS queue → the notifier in batches, as the event source mapping runs it with the
 * defaults (batch size 1,000, batching window 10 s, maximum concurrency 2, partial batch responses, visibility
 * timeout 730 s, 5 receives before the dead-letter queue). Each concurrent invocation is its own "container": its own
 * pacer and Slack sender; they share the dedup ledger as they share the DynamoDB table. Real time, real notifier
 * service, against the rate-limited stand-in. With {@code --bot} it posts with a bot token, so summaries list their
 * events in threads. Usage: NewPath CORPUS_DIR [--bot] N...
 */
public final class NewPath {
    private static final int BATCH_SIZE = 1000;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int CONCURRENCY = 2;
    private static final Duration INVOCATION = Duration.ofSeconds(118);
    private static final Duration VISIBILITY = Duration.ofSeconds(730);
    private static final int MAX_RECEIVES = 5;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        boolean bot = args.length > 1 && args[1].equals("--bot");
        for (int i = bot ? 2 : 1; i < args.length; i++) {
            run(corpus, Integer.parseInt(args[i]), bot);
        }
    }

    /** One queued message: the SNS notification as the queue holds it. */
    private static final class Message {
        final String id;
        final String body;
        final Instant sent;
        Instant visibleAt;
        int receives;

        Message(String id, String body, Instant sent) {
            this.id = id;
            this.body = body;
            this.sent = sent;
            this.visibleAt = sent;
        }
    }

    private static void run(Path corpus, int n, boolean bot) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Instant start = Instant.now();
        List<String> notifications = BurstEvents.snsNotifications(corpus, n, start);
        List<Message> queue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Arrivals spread evenly over the burst's ten seconds.
            queue.add(new Message("m-" + i, notifications.get(i), start.plusMillis(10_000L * i / n)));
        }
        DeliveryLedger ledger = new InMemoryDeliveryLedger();
        // The containers share the threads as they share the dedup table.
        ThreadStore threads = new InMemoryThreadStore();
        Set<String> deleted = new HashSet<>();
        int[] deadLettered = {0};
        Instant[] lastDeleted = {start};
        try (RateLimitedSlack slack = new RateLimitedSlack(1, 3)) {
            List<Thread> pollers = new ArrayList<>();
            for (int p = 0; p < CONCURRENCY; p++) {
                NotifierWiring container = container(slack, ledger, threads, bot, mapper);
                Thread poller = new Thread(() -> poll(container, queue, deleted, deadLettered, lastDeleted, mapper));
                pollers.add(poller);
                poller.start();
            }
            for (Thread poller : pollers) {
                poller.join();
            }
            String seconds = deleted.size() == n ? String.format("%.1f",
                    Duration.between(start, lastDeleted[0]).toMillis() / 1000.0)
                    : "never (" + (n - deleted.size()) + " not delivered)";
            if (bot && deleted.size() == n) {
                // Every event is in the channel with its summary's post; the thread listings come after.
                seconds = String.format("%.1f in the channel, %s listed in threads",
                        Duration.between(start, slack.lastChannelPost()).toMillis() / 1000.0, seconds);
            }
            String posted = bot ? slack.posts.get() + " (+ " + slack.replies.get() + " thread replies, "
                    + slack.updates.get() + " updates)" : String.valueOf(slack.posts.get());
            System.out.printf("| SQS batches, grouped, paced%s | %d | %s | %s | %d | %d |%n",
                    bot ? ", bot token (threads)" : "", n, posted, seconds, deadLettered[0], slack.throttled.get());
        }
    }

    private static NotifierWiring container(RateLimitedSlack slack, DeliveryLedger ledger, ThreadStore threads,
                                            boolean bot, ObjectMapper mapper) {
        NotifierSettings config = NotifierSettings.fromEnvironment(Map.of("PACE_SHARE", String.valueOf(CONCURRENCY)),
                mapper);
        Pacer pacer = config.pace().pacer(Clock.systemUTC(), Sleeper.REAL);
        HttpClient http = ChatHttp.client();
        SlackSecret secret = SlackSecret.parse(bot
                ? mapper.createObjectNode().put("botToken", "xoxb-bench").put("defaultChannel", "C-ALERTS").toString()
                : mapper.createObjectNode().put("webhookUrl", slack.webhook("C-ALERTS").toString()).toString());
        // The production sender's policy, pointed at the stand-in's Web API.
        SlackSender sender = new SlackSender(http, RetryPolicy.equalJitter(5, Duration.ofMillis(500),
                Duration.ofSeconds(4)), Duration.ofSeconds(5), Sleeper.REAL, slack.apiBase(), pacer);
        ChatOutbox outbox = new ChatOutbox(ChatFanOut.fixed(secret, sender, ChatworkSender.create(http, pacer)),
                SlackRoutes.none());
        return NotifierWiring.create(config, new NotifierStores(ledger, new InMemorySuppressionTally(), threads,
                new InMemoryHeartbeatStore(), new InMemoryCoverageReports(Optional.empty()),
                NotifierStores::noHistory), outbox,
                new NotifierLog(), mapper);
    }

    /** One poller of the event source mapping: gather a batch within the window, invoke, delete what succeeded. */
    private static void poll(NotifierWiring container, List<Message> queue, Set<String> deleted, int[] deadLettered,
                             Instant[] lastDeleted, ObjectMapper mapper) {
        while (true) {
            List<Message> batch = receive(queue, deleted, deadLettered);
            if (batch == null) {
                return;
            }
            if (batch.isEmpty()) {
                sleep(Duration.ofMillis(200));
                continue;
            }
            BatchResult result = container.service().handle(container.records(sqsEvent(batch, mapper)),
                    Deadline.after(INVOCATION));
            Set<String> retry = new HashSet<>(result.retryRecords());
            synchronized (queue) {
                for (Message message : batch) {
                    if (retry.contains(message.id)) {
                        message.visibleAt = Instant.now().plus(VISIBILITY);
                    } else {
                        deleted.add(message.id);
                        lastDeleted[0] = Instant.now();
                    }
                }
            }
        }
    }

    /**
     * Up to a batch of visible messages once the window since the first of them has passed (or a full batch is
     * waiting); empty when there is nothing to take yet, null when everything is deleted or dead-lettered.
     */
    private static List<Message> receive(List<Message> queue, Set<String> deleted, int[] deadLettered) {
        synchronized (queue) {
            Instant now = Instant.now();
            List<Message> visible = new ArrayList<>();
            boolean pending = false;
            for (Message message : queue) {
                if (deleted.contains(message.id) || message.receives > MAX_RECEIVES) {
                    continue;
                }
                pending = true;
                if (!message.visibleAt.isAfter(now) && !message.sent.isAfter(now)) {
                    visible.add(message);
                }
            }
            if (!pending) {
                return null;
            }
            boolean windowPassed = !visible.isEmpty()
                    && !visible.get(0).visibleAt.plus(WINDOW).isAfter(now);
            if (visible.size() < BATCH_SIZE && !windowPassed) {
                return List.of();
            }
            List<Message> batch = new ArrayList<>(visible.subList(0, Math.min(BATCH_SIZE, visible.size())));
            for (Message message : batch) {
                message.receives++;
                if (message.receives > MAX_RECEIVES) {
                    deadLettered[0]++;
                }
                message.visibleAt = now.plus(VISIBILITY);
            }
            batch.removeIf(message -> message.receives > MAX_RECEIVES);
            return batch;
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode sqsEvent(List<Message> batch, ObjectMapper mapper) {
        ObjectNode event = mapper.createObjectNode();
        for (Message message : batch) {
            ObjectNode record = event.withArray("Records").addObject();
            record.put("messageId", message.id);
            record.put("body", message.body);
            record.putObject("attributes").put("ApproximateReceiveCount", String.valueOf(message.receives))
                    .put("SentTimestamp", String.valueOf(message.sent.toEpochMilli()));
            record.put("eventSource", "aws:sqs");
        }
        return event;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private NewPath() {
    }
}
