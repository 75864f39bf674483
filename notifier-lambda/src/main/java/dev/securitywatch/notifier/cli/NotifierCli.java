package dev.securitywatch.notifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.Commands;
import dev.securitywatch.lambdakit.cli.JsonFiles;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.handler.NotifierSettings;
import dev.securitywatch.notifier.handler.NotifierWiring;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.chat.secret.SlackSecret;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@code java -jar notifier-lambda.jar render|send}: a dry run of exactly what the Lambda posts. See {@link #USAGE}. */
public final class NotifierCli {
    static final String USAGE = """
            usage: java -jar notifier-lambda.jar <command>
              render FILE...                    print the Slack payload (webhook body) of each message, one JSON per line
              send --webhook-url URL FILE...    post those payloads to a Slack incoming webhook
            FILE: a raw CloudTrail record or log file, an EventBridge envelope, an SNS event or notification,
            a GuardDuty or Security Hub finding. ACCOUNT_NAMES, DASHBOARDS_URL, MENTION_ON_CRITICAL,
            MUTE_AUTOMATION and CATALOG_SETTINGS are read from the environment as in the Lambda.""";
    static final int EXIT_DELIVERY_FAILED = 1;
    private static final Duration SEND_BUDGET = Duration.ofSeconds(60);

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Function<SlackSecret, AlertOutbox> outboxFactory;

    NotifierCli(PrintStream out, PrintStream err, Map<String, String> env,
                Function<SlackSecret, AlertOutbox> outboxFactory) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.outboxFactory = outboxFactory;
    }

    public static void main(String[] args) {
        System.exit(new NotifierCli(System.out, System.err, System.getenv(), NotifierCli::webhookOutbox).run(args));
    }

    private static AlertOutbox webhookOutbox(SlackSecret secret) {
        HttpClient http = ChatHttp.client();
        return new ChatOutbox(ChatFanOut.fixed(secret, SlackSender.create(http), ChatworkSender.create(http)),
                SlackRoutes.none());
    }

    int run(String... args) {
        return new Commands(USAGE).add("render", this::render).add("send", this::send).run(args, out, err);
    }

    private int render(List<String> files) {
        if (files.isEmpty()) {
            throw new CliException("render needs at least one FILE");
        }
        NotifierWiring runtime = runtime(null);
        return eachFile(runtime, files, messages -> messages.forEach(m ->
                out.println(runtime.service().render(m).slack().json())));
    }

    private int send(List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("--webhook-url")) {
            throw new CliException("send needs --webhook-url URL and at least one FILE");
        }
        SlackSecret secret;
        try {
            secret = SlackSecret.parse(mapper.createObjectNode().put("webhookUrl", args.get(1)).toString());
        } catch (SecretFormatException e) {
            throw new CliException("--webhook-url must be an http(s) URL");
        }
        List<String> files = args.subList(2, args.size());
        if (files.isEmpty()) {
            throw new CliException("send needs at least one FILE after --webhook-url URL");
        }
        NotifierWiring runtime = runtime(secret);
        int[] failed = {0};
        int exit = eachFile(runtime, files, messages -> {
            BatchResult result = runtime.service().handle(messages, Deadline.after(SEND_BUDGET));
            ObjectNode line = mapper.createObjectNode().put("messages", result.messages())
                    .put("delivered", result.delivered()).put("duplicates", result.duplicates())
                    .put("muted", result.muted()).put("failed", result.failures().size());
            out.println(line);
            failed[0] += result.failures().size();
        });
        return exit != 0 ? exit : failed[0] > 0 ? EXIT_DELIVERY_FAILED : 0;
    }

    /** Runs {@code action} per readable file; a bad file is reported on one line and the exit code says so. */
    private int eachFile(NotifierWiring runtime, List<String> files, Consumer<List<InboundMessage>> action) {
        JsonFiles reader = new JsonFiles(mapper);
        int exit = 0;
        for (String file : files) {
            List<InboundMessage> messages;
            try {
                messages = new ArrayList<>(runtime.parser().parse(reader.read(Path.of(file))));
            } catch (CliException e) {
                err.println("error: " + e.getMessage());
                exit = CliException.EXIT_BAD_INPUT;
                continue;
            }
            action.accept(messages);
        }
        return exit;
    }

    /** The Lambda's wiring with an in-memory ledger; its log lines go to stderr (see security-watch-log4j2.xml). */
    private NotifierWiring runtime(SlackSecret secret) {
        NotifierSettings config;
        try {
            config = NotifierSettings.fromEnvironment(env, mapper);
        } catch (IllegalArgumentException e) {
            throw new CliException("bad environment: " + e.getMessage());
        }
        AlertOutbox outbox = secret == null ? null : outboxFactory.apply(secret);
        return NotifierWiring.create(config, new InMemoryDeliveryLedger(), outbox, new NotifierLog(), mapper);
    }
}
