import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.testing.CorpusEvents;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.indexer.document.DocumentMapper;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.indexer.document.FailedDocuments;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.indexer.opensearch.ClusterEndpoint;
import dev.securitywatch.indexer.opensearch.OpenSearchConnection;
import dev.securitywatch.indexer.setup.SetupRunner;
import dev.securitywatch.indexer.setup.SetupSettings;
import dev.securitywatch.indexer.testing.LocalOpenSearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * Indexing throughput of the Lambda's code path (BulkIndexer -> OpenSearchDocumentStore -> AwsSdk2Transport over
 * the url-connection client) against a raw _bulk of the same prepared documents, on one local node, in one run.
 * Usage: IndexerThroughputBench [copies-of-the-corpus] [rounds]; or "serve SECONDS" to keep a node up for manual
 * CLI checks.
 */
public final class IndexerThroughputBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            try (LocalOpenSearch node = LocalOpenSearch.start()) {
                System.out.println("NODE " + node.url());
                Thread.sleep(Long.parseLong(args[1]) * 1000);
            }
            return;
        }
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<IndexedDocument> base = new ArrayList<>();
        DocumentMapper mapper = new DocumentMapper(MAPPER, Catalog.defaults(), IndexWindow.LIVE);
        Set<String> ids = new HashSet<>();
        for (CorpusEvents.Labelled event : CorpusEvents.allEvents()) {
            for (IndexedDocument document : mapper.map(event.envelope(), Instant.parse("2026-11-20T00:00:00Z"))) {
                // Distinct ids only, so every create in both paths is a real write (no 409s).
                if (ids.add(document.id())) {
                    base.add(document);
                }
            }
        }
        try (LocalOpenSearch node = LocalOpenSearch.start();
             OpenSearchConnection connection = OpenSearchConnection.open(ClusterEndpoint.parse(node.url()),
                     Region.US_EAST_1, MAPPER)) {
            // Fresh indices per round and path, all from the project's index template (setup applies it).
            new SetupRunner(MAPPER).run(connection.restTarget(), null, new SetupSettings(400, null, List.of()));
            HttpClient http = HttpClient.newHttpClient();
            BulkIndexer indexer = new BulkIndexer(connection.documentStore(), new FailedDocuments(MAPPER),
                    BulkIndexer.DEFAULT_RETRY, Sleeper.REAL, Clock.systemUTC(), BulkIndexer.DEFAULT_BATCH_SIZE);
            System.out.printf("documents per run: %d (%d corpus documents x %d), batch %d, rounds %d%n",
                    base.size() * copies, base.size(), copies, BulkIndexer.DEFAULT_BATCH_SIZE, rounds);
            List<Double> lambdaRates = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                String lambdaIndex = "security-events-2bench-lambda-" + round;
                String rawIndex = "security-events-2bench-raw-" + round;
                List<IndexedDocument> lambdaDocs = copies(base, copies, lambdaIndex);
                List<String> rawBodies = rawBodies(copies(base, copies, rawIndex));

                long start = System.nanoTime();
                IndexingSummary summary = indexer.index(lambdaDocs);
                double lambdaSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                for (String body : rawBodies) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create(node.url() + "/_bulk")).header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
                        throw new IllegalStateException("raw bulk failed: " + response.body().substring(0, 300));
                    }
                }
                double rawSeconds = (System.nanoTime() - start) / 1e9;
                if (summary.indexed() != lambdaDocs.size()) {
                    throw new IllegalStateException("lambda path indexed " + summary);
                }
                if (round == 0) {
                    System.out.printf("warm-up: lambda %.0f docs/s, raw %.0f docs/s%n",
                            lambdaDocs.size() / lambdaSeconds, lambdaDocs.size() / rawSeconds);
                    continue;
                }
                lambdaRates.add(lambdaDocs.size() / lambdaSeconds);
                rawRates.add(lambdaDocs.size() / rawSeconds);
                System.out.printf("round %d: lambda path %.0f docs/s, raw _bulk %.0f docs/s, ratio %.2f%n", round,
                        lambdaDocs.size() / lambdaSeconds, lambdaDocs.size() / rawSeconds,
                        rawSeconds / lambdaSeconds);
            }
            double lambda = median(lambdaRates);
            double raw = median(rawRates);
            System.out.printf("MEDIAN: lambda path %.0f docs/s, raw _bulk %.0f docs/s, ratio %.2f (goal >= 0.80)%n",
                    lambda, raw, lambda / raw);
        }
    }

    private static List<IndexedDocument> copies(List<IndexedDocument> base, int copies, String index) {
        List<IndexedDocument> out = new ArrayList<>(base.size() * copies);
        for (int copy = 0; copy < copies; copy++) {
            for (IndexedDocument document : base) {
                out.add(new IndexedDocument(index, document.id() + "-" + copy, document.source()));
            }
        }
        return out;
    }

    /** The same documents as ready-made _bulk bodies: the raw baseline does no work on the client side. */
    private static List<String> rawBodies(List<IndexedDocument> documents) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += BulkIndexer.DEFAULT_BATCH_SIZE) {
            StringBuilder body = new StringBuilder();
            for (IndexedDocument document : documents.subList(from,
                    Math.min(documents.size(), from + BulkIndexer.DEFAULT_BATCH_SIZE))) {
                ObjectNode action = MAPPER.createObjectNode();
                action.putObject("create").put("_index", document.index()).put("_id", document.id());
                body.append(action).append('\n').append(document.source()).append('\n');
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
