package dev.securitywatch.indexer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.Commands;
import dev.securitywatch.lambdakit.settings.SettingsException;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.indexer.handler.IndexerSettings;
import dev.securitywatch.indexer.handler.IndexerWiring;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.indexer.bulk.StoreUnavailableException;
import dev.securitywatch.indexer.dashboards.SavedObjects;
import dev.securitywatch.indexer.document.DocumentMapper;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.indexer.ingest.EventIngester;
import dev.securitywatch.event.transport.SubscriptionDecoder;
import dev.securitywatch.indexer.opensearch.ClusterEndpoint;
import dev.securitywatch.indexer.opensearch.OpenSearchConnection;
import dev.securitywatch.indexer.setup.RestTarget;
import dev.securitywatch.indexer.setup.SetupException;
import dev.securitywatch.indexer.setup.SetupPlan;
import dev.securitywatch.indexer.setup.SetupRunner;
import dev.securitywatch.indexer.setup.SetupSettings;
import dev.securitywatch.indexer.setup.StepResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The module's command line, in the Lambda jar: index files, backfill CloudTrail history, apply the setup, and dry
 * runs ({@code map}, {@code saved-objects}) that show exactly what the Lambda would write.
 */
public final class IndexerCli {

    private static final String USAGE = String.join("\n",
            "usage: java -jar opensearch-indexer-lambda.jar <command> ...",
            "  index    --endpoint URL [--region R] FILE...   index events, CloudTrail log files (.json[.gz])"
                    + " or CloudWatch Logs subscription payloads",
            "  backfill --endpoint URL [--region R] DIR       index every CloudTrail log file under DIR",
            "  setup    --endpoint URL [--region R] [--dashboards URL | --no-dashboards] [--retention-days N]",
            "           [--indexer-role-arn ARN] [--auditor-role-arns ARN,ARN]   apply templates, ISM, roles,"
                    + " saved objects",
            "  map      FILE...                               print the documents the indexer would write",
            "  saved-objects                                  print the Dashboards saved objects (.ndjson)");
    private static final Set<String> CONNECTION_OPTIONS = Set.of("--endpoint", "--region");
    private static final Pattern DOMAIN_REGION = Pattern.compile("\\.([a-z]{2}(-[a-z]+)+-\\d)\\.es\\.amazonaws\\.com$");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> env;

    public IndexerCli(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        // The SDK logs through slf4j without a binding; its "no providers" notice would break one-line errors.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(new IndexerCli(System.getenv()).run(args, System.out, System.err));
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        return new Commands(USAGE)
                .add("index", rest -> reachingCluster(() -> index(rest, out), err))
                .add("backfill", rest -> reachingCluster(() -> backfill(rest, out), err))
                .add("setup", rest -> reachingCluster(() -> setup(rest, out), err))
                .add("map", rest -> reachingCluster(() -> map(rest, out), err))
                .add("saved-objects", rest -> reachingCluster(() -> out.print(new SavedObjects(mapper).toNdjson()), err))
                .run(args, out, err);
    }

    /** A cluster that cannot be reached or refuses setup is a failure (exit 1), not bad input. */
    private static int reachingCluster(Runnable command, PrintStream err) {
        try {
            command.run();
            return Commands.EXIT_OK;
        } catch (StoreUnavailableException | SetupException e) {
            err.println("error: " + e.getMessage());
            return Commands.EXIT_FAILED;
        }
    }

    private void index(List<String> args, PrintStream out) {
        CliArguments arguments = new CliArguments("index", args, CONNECTION_OPTIONS, Set.of());
        List<Path> files = arguments.positional().stream().map(Path::of).toList();
        endpoint(arguments, "index");
        if (files.isEmpty()) {
            throw new CliException("index: name at least one FILE");
        }
        out.println(indexFiles(arguments, "index", files).toJson());
    }

    private void backfill(List<String> args, PrintStream out) {
        CliArguments arguments = new CliArguments("backfill", args, CONNECTION_OPTIONS, Set.of());
        if (arguments.positional().size() != 1) {
            throw new CliException("backfill: name exactly one DIR");
        }
        List<Path> files = InputFiles.logFilesUnder(Path.of(arguments.positional().get(0)));
        if (files.isEmpty()) {
            throw new CliException("backfill: no .json or .json.gz files under " + arguments.positional().get(0));
        }
        out.println(indexFiles(arguments, "backfill", files).toJson());
    }

    /** Reads every file before sending anything, so a bad file fails the command before it writes. */
    private IndexingSummary indexFiles(CliArguments arguments, String command, List<Path> files) {
        ClusterEndpoint endpoint = endpoint(arguments, command);
        Region region = region(arguments, endpoint, command);
        InputFiles inputFiles = new InputFiles(mapper);
        List<JsonNode> inputs = files.stream().map(inputFiles::read).toList();
        SubscriptionDecoder decoder = new SubscriptionDecoder(mapper);
        for (int i = 0; i < inputs.size(); i++) {
            requireKnownShape(files.get(i), inputs.get(i), decoder);
        }
        try (OpenSearchConnection connection = OpenSearchConnection.open(endpoint, region, mapper)) {
            requireTemplate(connection.restTarget(), command);
            // Files are history the user chose to index: any month is theirs to create.
            EventIngester ingester = IndexerWiring.ingester(mapper, catalog(), IndexWindow.BACKFILL,
                    connection.documentStore(), BulkIndexer.DEFAULT_RETRY, Sleeper.REAL);
            IndexingSummary summary = IndexingSummary.EMPTY;
            for (JsonNode input : inputs) {
                summary = summary.plus(ingest(input, ingester, decoder));
            }
            return summary;
        }
    }

    /**
     * Documents indexed before the index template is on the cluster get dynamic mappings, and a later document of
     * another shape then fails: refuse, and say to run {@code setup} first.
     */
    private static void requireTemplate(RestTarget cluster, String command) {
        RestTarget.Reply template;
        try {
            template = cluster.call("GET", "/_index_template/" + SetupPlan.EVENTS_TEMPLATE, null);
        } catch (SetupException e) {
            throw new StoreUnavailableException("cannot reach OpenSearch: " + e.getMessage(), e);
        }
        if (template.status() == 404) {
            throw new CliException(command + ": the index template " + SetupPlan.EVENTS_TEMPLATE + " is not on the"
                    + " cluster: run setup --endpoint ... first (documents indexed without it get dynamic mappings"
                    + " that break later ones)");
        }
        if (!template.isSuccess()) {
            throw new StoreUnavailableException("reading the index template " + SetupPlan.EVENTS_TEMPLATE
                    + " failed with HTTP " + template.status(), null);
        }
    }

    private static IndexingSummary ingest(JsonNode input, EventIngester ingester, SubscriptionDecoder decoder) {
        if (SubscriptionDecoder.isEncodedPayload(input)) {
            return ingester.ingest(decoder.decode(input.path("awslogs").path("data").asText()));
        }
        if (SubscriptionDecoder.isDecodedPayload(input)) {
            return ingester.ingest(decoder.read(input));
        }
        return ingester.ingest(input, Instant.now());
    }

    private void requireKnownShape(Path file, JsonNode input, SubscriptionDecoder decoder) {
        if (SubscriptionDecoder.isEncodedPayload(input)) {
            try {
                decoder.decode(input.path("awslogs").path("data").asText());
            } catch (SubscriptionDecoder.PayloadException e) {
                throw new CliException(file + ": " + e.getMessage());
            }
            return;
        }
        if (SubscriptionDecoder.isDecodedPayload(input)) {
            return;
        }
        List<InboundMessage> messages = new EnvelopeParser(mapper).parse(input);
        if (messages.stream().noneMatch(EventEnvelope.class::isInstance)) {
            UnreadableMessage first = (UnreadableMessage) messages.get(0);
            throw new CliException(file + ": " + first.reason());
        }
    }

    private void setup(List<String> args, PrintStream out) {
        CliArguments arguments = new CliArguments("setup", args, Set.of("--endpoint", "--region", "--dashboards",
                "--retention-days", "--indexer-role-arn", "--auditor-role-arns"), Set.of("--no-dashboards"));
        if (!arguments.positional().isEmpty()) {
            throw new CliException("setup: unexpected argument " + arguments.positional().get(0));
        }
        if (arguments.flag("--no-dashboards") && arguments.option("--dashboards") != null) {
            throw new CliException("setup: use either --dashboards URL or --no-dashboards");
        }
        SetupSettings settings;
        try {
            settings = new SetupSettings(IndexerSettings.retentionDays(arguments.option("--retention-days")),
                    arguments.option("--indexer-role-arn"),
                    IndexerSettings.list(arguments.option("--auditor-role-arns")));
        } catch (SettingsException e) {
            throw new CliException("setup: --retention-days must be a positive whole number of days");
        }
        ClusterEndpoint endpoint = endpoint(arguments, "setup");
        Region region = region(arguments, endpoint, "setup");
        ClusterEndpoint dashboardsEndpoint = arguments.option("--dashboards") != null
                ? endpoint(arguments.option("--dashboards"), "setup") : endpoint.dashboards();
        try (OpenSearchConnection cluster = OpenSearchConnection.open(endpoint, region, mapper);
             OpenSearchConnection dashboards = OpenSearchConnection.open(dashboardsEndpoint, region, mapper)) {
            RestTarget dashboardsTarget = arguments.flag("--no-dashboards") ? null : dashboards.restTarget();
            List<StepResult> results = new SetupRunner(mapper).run(cluster.restTarget(), dashboardsTarget, settings);
            for (StepResult result : results) {
                ObjectNode line = mapper.createObjectNode();
                line.put("object", result.name());
                line.put("change", result.change().name());
                line.put("detail", result.detail());
                out.println(line);
            }
            out.println(mapper.valueToTree(SetupRunner.counts(results)));
        }
    }

    private void map(List<String> args, PrintStream out) {
        CliArguments arguments = new CliArguments("map", args, Set.of(), Set.of());
        if (arguments.positional().isEmpty()) {
            throw new CliException("map: name at least one FILE");
        }
        InputFiles inputFiles = new InputFiles(mapper);
        SubscriptionDecoder decoder = new SubscriptionDecoder(mapper);
        EnvelopeParser parser = new EnvelopeParser(mapper);
        DocumentMapper documents = new DocumentMapper(mapper, catalog(), IndexWindow.BACKFILL);
        for (String name : arguments.positional()) {
            Path file = Path.of(name);
            JsonNode input = inputFiles.read(file);
            requireKnownShape(file, input, decoder);
            List<InboundMessage> messages = SubscriptionDecoder.isEncodedPayload(input)
                    || SubscriptionDecoder.isDecodedPayload(input)
                    ? decoder.read(SubscriptionDecoder.isDecodedPayload(input) ? input
                            : decodedJson(decoder, input)).logEvents().stream()
                            .flatMap(e -> parser.parseText(e.message()).stream()).toList()
                    : parser.parse(input);
            for (InboundMessage message : messages) {
                if (message instanceof EventEnvelope envelope) {
                    for (IndexedDocument document : documents.map(envelope, Instant.now())) {
                        ObjectNode line = mapper.createObjectNode();
                        line.put("_index", document.index());
                        line.put("_id", document.id());
                        line.set("_source", document.source());
                        out.println(line);
                    }
                } else if (message instanceof UnreadableMessage unreadable) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("_index", "security-events-failed");
                    line.put("reason", unreadable.reason());
                    out.println(line);
                }
            }
        }
    }

    private JsonNode decodedJson(SubscriptionDecoder decoder, JsonNode encoded) {
        var batch = decoder.decode(encoded.path("awslogs").path("data").asText());
        ObjectNode json = mapper.createObjectNode();
        json.put("messageType", batch.messageType());
        var events = json.putArray("logEvents");
        batch.logEvents().forEach(e -> events.addObject().put("id", e.id()).put("timestamp", e.timestamp())
                .put("message", e.message()));
        return json;
    }

    private Catalog catalog() {
        try {
            return IndexerSettings.catalog(env.get("CATALOG_SETTINGS"), mapper);
        } catch (SettingsException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static ClusterEndpoint endpoint(CliArguments arguments, String command) {
        return endpoint(arguments.required(command, "--endpoint"), command);
    }

    private static ClusterEndpoint endpoint(String url, String command) {
        try {
            return ClusterEndpoint.parse(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(command + ": " + e.getMessage());
        }
    }

    /** --region, else the domain's own region from its host name, else AWS_REGION; a local node needs none. */
    private Region region(CliArguments arguments, ClusterEndpoint endpoint, String command) {
        String region = arguments.option("--region");
        if (region == null) {
            Matcher matcher = DOMAIN_REGION.matcher(endpoint.hostAndPort());
            region = matcher.find() ? matcher.group(1) : env.get("AWS_REGION");
        }
        if (region == null && endpoint.secure()) {
            throw new CliException(command + ": cannot tell the domain's region; pass --region");
        }
        return Region.of(region == null ? "us-east-1" : region);
    }
}
