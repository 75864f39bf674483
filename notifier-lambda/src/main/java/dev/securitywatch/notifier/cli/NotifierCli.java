package dev.securitywatch.notifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.Commands;
import dev.securitywatch.lambdakit.cli.JsonFiles;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.handler.NotifierStores;
import dev.securitywatch.notifier.handler.NotifierWiring;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.chat.secret.SlackSecret;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** {@code java -jar notifier-lambda.jar render|send}: a dry run of exactly what the Lambda posts. See {@link #USAGE}. */
public final class NotifierCli {
    static final String USAGE = """
            usage: java -jar notifier-lambda.jar <command>
              render [--bot] FILE...
                               print the Slack payloads (webhook bodies) the Lambda would post, one JSON per line;
                               --bot prints the bot-token calls instead: {"post":N,...} in the channel,
                               {"post":N,"replyInThreadOf":M,...} in a thread, {"updateOf":M,...} a parent's status
              send FILE...     post them to the incoming webhook in SECURITY_WATCH_WEBHOOK_URL, paced as the Lambda
                               paces; exits 1 if any event was not delivered
            """ + CoverageCommand.USAGE + """
            The FILEs are one burst, as if they arrived in one batch: groups of more than GROUP_THRESHOLD (3) events of
            one actor, account and category become one summary, CRITICAL events post on their own, and the
            SUPPRESSIONS (alerts.suppress as JSON) drop, downgrade or keep in a summary what they cover. With --bot,
            a summary's events are listed in its thread and later alerts about a resource reply under its first one.
            FILE: a raw CloudTrail record or log file, an EventBridge envelope, an SNS or SQS event or notification,
            a GuardDuty or Security Hub finding. ACCOUNT_NAMES, DASHBOARDS_URL, MENTION_ON_CRITICAL, MUTE_AUTOMATION,
            SUPPRESSIONS, CATALOG_SETTINGS, GROUP_THRESHOLD, PACE_POSTS_PER_SECOND, PACE_BURST, MEMBER_PATHS (the
            configured member regions, {"111111111111": ["us-east-1"]}: only their remediation roles are automation,
            and a snapshot shared only with them is LOW) and ORGANIZATION_ACCOUNTS (["444444444444"]: more accounts a
            share stays inside with; the CLI reads no organization inventory) are read from the environment as in the
            Lambda.""";
    static final String WEBHOOK_URL = "SECURITY_WATCH_WEBHOOK_URL";
    static final int EXIT_DELIVERY_FAILED = 1;
    /** Paced at about one post a second, a burst of CRITICAL events takes minutes; the Lambda has its own limit. */
    private static final Duration SEND_BUDGET = Duration.ofMinutes(10);

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final BiFunction<SlackSecret, NotifierSettings, AlertOutbox> outboxFactory;

    NotifierCli(PrintStream out, PrintStream err, Map<String, String> env,
                BiFunction<SlackSecret, NotifierSettings, AlertOutbox> outboxFactory) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.outboxFactory = outboxFactory;
    }

    public static void main(String[] args) {
        System.exit(new NotifierCli(System.out, System.err, System.getenv(), NotifierCli::webhookOutbox).run(args));
    }

    /** Posts as the Lambda does, at the whole pace: the CLI is the only sender. */
    private static AlertOutbox webhookOutbox(SlackSecret secret, NotifierSettings settings) {
        HttpClient http = ChatHttp.client();
        Pacer pacer = new NotifierSettings.Pace(settings.pace().postsPerSecond(), settings.pace().burst(), 1)
                .pacer(Clock.systemUTC(), Sleeper.REAL);
        return new ChatOutbox(ChatFanOut.fixed(secret, SlackSender.create(http, pacer),
                ChatworkSender.create(http, pacer)), SlackRoutes.none());
    }

    int run(String... args) {
        return new Commands(USAGE).add("render", this::render).add("send", this::send)
                .add("coverage", rest -> new CoverageCommand(mapper, out, Clock.systemUTC()).run(rest))
                .run(args, out, err);
    }

    private int render(List<String> files) {
        boolean bot = !files.isEmpty() && files.get(0).equals("--bot");
        List<String> inputs = bot ? files.subList(1, files.size()) : files;
        if (inputs.isEmpty()) {
            throw new CliException("render needs at least one FILE");
        }
        NotifierWiring runtime = runtime(settings -> new RenderedOutbox(mapper, out, bot));
        Burst burst = read(runtime, inputs);
        if (!burst.messages().isEmpty()) {
            runtime.service().handle(List.of(new DeliveredRecord(null, Optional.empty(), burst.messages())),
                    Deadline.after(SEND_BUDGET));
        }
        return burst.exit();
    }

    private int send(List<String> files) {
        if (!files.isEmpty() && files.get(0).equals("--webhook-url")) {
            throw new CliException("--webhook-url is no longer read: put the URL in " + WEBHOOK_URL
                    + " (a command line is visible to every user of the machine)");
        }
        String url = env.get(WEBHOOK_URL);
        if (url == null || url.isBlank()) {
            throw new CliException("send needs the incoming webhook URL in " + WEBHOOK_URL);
        }
        SlackSecret secret;
        try {
            secret = SlackSecret.parse(mapper.createObjectNode().put("webhookUrl", url.trim()).toString());
        } catch (SecretFormatException e) {
            throw new CliException(WEBHOOK_URL + " must be an http(s) URL");
        }
        if (files.isEmpty()) {
            throw new CliException("send needs at least one FILE");
        }
        NotifierWiring runtime = runtime(settings -> outboxFactory.apply(secret, settings));
        Burst burst = read(runtime, files);
        BatchResult result = runtime.service().handle(List.of(new DeliveredRecord(null, Optional.empty(),
                burst.messages())), Deadline.after(SEND_BUDGET));
        out.println(mapper.createObjectNode().put("events", result.events()).put("posts", result.posts())
                .put("delivered", result.delivered()).put("duplicates", result.duplicates())
                .put("muted", result.muted()).put("suppressed", result.suppressed())
                .put("throttled", result.throttled())
                .put("notDelivered", result.failures().size() + result.requeued()));
        boolean undelivered = result.failed() || result.requeued() > 0;
        return burst.exit() != 0 ? burst.exit() : undelivered ? EXIT_DELIVERY_FAILED : 0;
    }

    /** Every readable file's messages, as one burst; a bad file is reported on one line and the exit code says so. */
    private Burst read(NotifierWiring runtime, List<String> files) {
        JsonFiles reader = new JsonFiles(mapper);
        List<InboundMessage> messages = new ArrayList<>();
        int exit = 0;
        for (String file : files) {
            try {
                runtime.records(reader.read(Path.of(file))).forEach(record -> messages.addAll(record.messages()));
            } catch (CliException e) {
                err.println("error: " + e.getMessage());
                exit = CliException.EXIT_BAD_INPUT;
            }
        }
        return new Burst(List.copyOf(messages), exit);
    }

    private record Burst(List<InboundMessage> messages, int exit) {
    }

    /**
     * The Lambda's wiring with an in-memory ledger, tally and threads; its log lines go to stderr (see
     * security-watch-log4j2.xml).
     */
    private NotifierWiring runtime(Function<NotifierSettings, AlertOutbox> outboxFor) {
        NotifierSettings config;
        try {
            config = NotifierSettings.fromEnvironment(env, mapper);
        } catch (IllegalArgumentException e) {
            throw new CliException("bad environment: " + e.getMessage());
        }
        return NotifierWiring.create(config, NotifierStores.inMemory(), outboxFor.apply(config), new NotifierLog(),
                mapper);
    }
}
