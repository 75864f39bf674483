package dev.securitywatch.indexer.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.testing.CorpusEvents;
import dev.securitywatch.indexer.handler.IndexerSettings;
import dev.securitywatch.indexer.handler.IndexerWiring;
import dev.securitywatch.indexer.bulk.BulkIndexer;
import dev.securitywatch.indexer.bulk.IndexingSummary;
import dev.securitywatch.indexer.dashboards.AuditSearch;
import dev.securitywatch.indexer.dashboards.AuditSearches;
import dev.securitywatch.indexer.document.DocumentMapper;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.indexer.opensearch.ClusterEndpoint;
import dev.securitywatch.indexer.opensearch.OpenSearchConnection;
import dev.securitywatch.indexer.setup.SetupRunner;
import dev.securitywatch.indexer.setup.SetupSettings;
import dev.securitywatch.indexer.setup.StepResult;
import dev.securitywatch.indexer.testing.LocalOpenSearch;
import dev.securitywatch.indexer.testing.Payloads;
import dev.securitywatch.indexer.cli.IndexerCliTest;
import dev.securitywatch.lambdakit.testing.MetricsCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;

/**
 * The indexer end to end against a real OpenSearch node: setup, the whole corpus through the real subscription
 * encoding and the Lambda handler, redelivery, the saved searches' queries, and permanent mapping failures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexerAgainstOpenSearchTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The corpus is years old: the live indexer keeps events that old in the out-of-range index. */
    private static final String EVENTS = "security-events-2*,security-events-out-of-range";
    private static final int EVENTS_PER_PAYLOAD = 100;

    private static LocalOpenSearch node;
    private static SubscriptionIndexerHandler handler;
    private static List<String> corpusPayloads;
    private static Set<String> corpusIds;
    private static int corpusDocuments;

    @BeforeAll
    static void startNode() {
        node = LocalOpenSearch.start();
        handler = new SubscriptionIndexerHandler(
                IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", node.url(), "AWS_REGION", "us-east-1",
                        "EVENTS_LOG_GROUP", "/aws/events/security-watch", "EVENTS_LOG_OWNER", "111111111111"), MAPPER));
        List<String> messages = new ArrayList<>();
        DocumentMapper documents = new DocumentMapper(MAPPER, Catalog.defaults(), IndexWindow.LIVE);
        corpusIds = new HashSet<>();
        List<CorpusEvents.Labelled> corpus = CorpusEvents.allEvents();
        for (int i = 0; i < corpus.size(); i++) {
            messages.add(corpus.get(i).envelope().json().toString());
            // The same fallback time the handler takes for an event without one: its log event's timestamp.
            Instant logged = Payloads.timestampOf(i % EVENTS_PER_PAYLOAD);
            for (IndexedDocument document : documents.map(corpus.get(i).envelope(), logged)) {
                // Some hand-made fixtures reuse an eventID in another month: (index, id) is what must be unique.
                corpusIds.add(document.index() + "/" + document.id());
                corpusDocuments++;
            }
        }
        corpusPayloads = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += EVENTS_PER_PAYLOAD) {
            corpusPayloads.add(Payloads.encodedData(messages.subList(from,
                    Math.min(messages.size(), from + EVENTS_PER_PAYLOAD))));
        }
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }

    @Test
    @Order(1)
    void setupCreatesTheTemplatesAndSkipsPluginsThisNodeLacks() {
        List<StepResult> first = runSetup();

        assertThat(first).filteredOn(r -> r.name().startsWith("index template"))
                .extracting(StepResult::change).containsOnly(StepResult.Change.CREATED).hasSize(2);
        assertThat(first).filteredOn(r -> r.name().equals("cluster shard limit"))
                .extracting(StepResult::change).containsExactly(StepResult.Change.UPDATED);
        assertThat(node.get("/_cluster/settings").path("persistent").path("cluster").path("max_shards_per_node")
                .asText()).isEqualTo("300");
        // The in-JVM node has no ISM or security plugin; their request bodies are tested in SetupPlanTest.
        assertThat(first).filteredOn(r -> !r.name().startsWith("index template")
                        && !r.name().equals("cluster shard limit"))
                .extracting(StepResult::change).containsOnly(StepResult.Change.SKIPPED);
        JsonNode template = node.get("/_index_template/security-events");
        assertThat(template.path("index_templates").get(0).path("index_template").path("template")
                .path("mappings").path("properties").path("requestParameters").path("type").asText())
                .isEqualTo("flat_object");
    }

    @Test
    @Order(2)
    void setupRunTwiceChangesNothing() {
        List<StepResult> second = runSetup();

        assertThat(second).noneMatch(StepResult::changed);
        assertThat(second).filteredOn(r -> r.name().startsWith("index template"))
                .extracting(StepResult::change).containsOnly(StepResult.Change.UNCHANGED);
    }

    @Test
    @Order(3)
    void indexesTheWholeCorpusThroughTheSubscriptionHandlerWithoutMappingFailures() {
        IndexingSummary total;
        List<JsonNode> emf;
        try (MetricsCapture metrics = MetricsCapture.start()) {
            total = deliver(corpusPayloads);
            emf = metrics.emf();
        }

        assertThat(total.failed()).as("documents in security-events-failed").isZero();
        assertThat(total.indexed()).isEqualTo(corpusIds.size());
        assertThat(total.duplicates()).isEqualTo(corpusDocuments - corpusIds.size());
        assertThat(node.count(EVENTS)).isEqualTo(corpusIds.size());
        assertThat(node.count("security-events-out-of-range")).as("older than 90 days when they arrived")
                .isPositive().isLessThan(corpusIds.size());
        assertThat(node.count("security-events-failed")).isZero();
        JsonNode mapping = node.get("/security-events-2*/_mapping");
        mapping.forEach(index -> assertThat(index.path("mappings").path("properties").path("responseElements")
                .path("type").asText()).isEqualTo("flat_object"));
        assertThat(emf).hasSize(corpusPayloads.size()).allSatisfy(line -> {
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("SecurityWatch");
            assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
            assertThat(directive.path("Metrics").findValuesAsText("Name")).containsExactlyInAnyOrder(
                    "IndexedDocuments", "DuplicateDocuments", "FailedDocuments", "Retries");
            assertThat(line.path("Service").asText()).isEqualTo("security-watch-indexer");
            assertThat(line.path("FailedDocuments").asInt()).isZero();
            assertThat(line.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
        });
        assertThat(emf.stream().mapToInt(line -> line.path("IndexedDocuments").asInt()).sum())
                .isEqualTo(corpusIds.size());
    }

    @Test
    @Order(4)
    void redeliveredPayloadsCreateNoDuplicates() {
        IndexingSummary again = deliver(corpusPayloads);

        assertThat(again.indexed()).isZero();
        assertThat(again.duplicates()).isEqualTo(corpusDocuments);
        assertThat(node.count(EVENTS)).isEqualTo(corpusIds.size());
    }

    @Test
    @Order(5)
    void everySavedSearchRunsAndFindsWhatItIsAbout() {
        Map<String, JsonNode> hits = new HashMap<>();
        for (AuditSearch search : AuditSearches.all()) {
            JsonNode response = node.search(EVENTS, search.query(), 500);
            assertThat(response.has("error")).as(search.id() + ": " + response).isFalse();
            hits.put(search.id(), response.path("hits").path("hits"));
            for (JsonNode hit : response.path("hits").path("hits")) {
                String eventName = hit.path("_source").path("eventName").asText();
                if (search.query().contains("eventName:(")) {
                    assertThat(search.query()).as(search.id()).contains(eventName);
                }
            }
        }
        assertThat(names(hits.get("security-watch-cis-4-10"))).isNotEmpty()
                .allMatch(n -> n.contains("SecurityGroup"));
        assertThat(names(hits.get("security-watch-cis-4-4"))).isNotEmpty();
        assertThat(names(hits.get("security-watch-cis-4-5"))).isNotEmpty().contains("StopLogging");
        assertThat(hits.get("security-watch-cis-4-1")).isNotEmpty().allMatch(h -> h.path("_source")
                .path("errorCode").asText().matches(".*UnauthorizedOperation|AccessDenied.*"));
        assertThat(hits.get("security-watch-cis-4-3")).isNotEmpty().allMatch(h -> h.path("_source")
                .path("userIdentity").path("type").asText().equals("Root"));
        assertThat(hits.get("security-watch-cis-4-6")).isNotEmpty().allMatch(h -> h.path("_source")
                .path("event").path("outcome").asText().equals("failure"));
        assertThat(hits.get("security-watch-cis-4-2")).isNotEmpty().allMatch(h -> h.path("_source")
                .path("eventName").asText().equals("ConsoleLogin") && !h.path("_source")
                .path("additionalEventData").path("MFAUsed").asText().equals("Yes"));
    }

    @Test
    @Order(6)
    void aDocumentThatBreaksTheMappingIsStoredInTheFailedIndexAndTheRestIsIndexed() {
        ObjectNode good = record("good-1");
        ObjectNode bad = record("bad-1");
        bad.putObject("userAgent").put("not", "a keyword");
        ArrayNode records = MAPPER.createObjectNode().putArray("Records").add(good).add(bad);

        IndexingSummary summary;
        try (OpenSearchConnection connection = connection()) {
            summary = IndexerWiring.ingester(MAPPER, Catalog.defaults(), IndexWindow.LIVE, connection.documentStore(),
                    BulkIndexer.DEFAULT_RETRY, d -> { }).ingest(MAPPER.createObjectNode().set("Records", records),
                    Instant.now());
        }

        assertThat(summary).isEqualTo(new IndexingSummary(1, 0, 1, 0));
        JsonNode failed = node.search("security-events-failed", "target_id:bad-1", 1).path("hits").path("hits");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("_source").path("error").path("type").asText())
                .isEqualTo("mapper_parsing_exception");
        assertThat(failed.get(0).path("_source").path("raw").asText()).contains("a keyword");
        assertThat(node.search("security-events-failed", "raw:keyword", 1).path("hits").path("hits")).hasSize(1);
    }

    @Test
    @Order(7)
    void messageThatIsNotAnEventIsKeptInTheFailedIndexAndControlMessagesAreIgnored() {
        long before = node.count("security-events-failed");

        Map<String, Integer> result = handler.handleRequest(Payloads.event(Payloads.encodedData(
                List.of("START RequestId: 1 Version: $LATEST"))), null);
        Map<String, Integer> control = handler.handleRequest(Payloads.event(Payloads.encodedControlMessage()), null);

        assertThat(result).containsEntry("failed", 1).containsEntry("indexed", 0);
        assertThat(control).containsEntry("indexed", 0).containsEntry("failed", 0).containsEntry("duplicates", 0);
        assertThat(node.count("security-events-failed")).isEqualTo(before + 1);
    }

    @Test
    @Order(8)
    void snapStartPrimingRunsTheLocalPathWithoutTheNetwork() throws Exception {
        new Priming(MAPPER, Catalog.defaults()).beforeCheckpoint(null);
    }

    @Test
    @Order(9)
    void cliIndexesLogFilesPayloadsAndEnvelopesAndBackfillsADirectory(@TempDir Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("AWSLogs/111111111111/CloudTrail/us-east-1/2026/11/20"));
        ArrayNode records = MAPPER.createArrayNode().add(record("cli-1")).add(record("cli-2"));
        Path logFile = logs.resolve("111111111111_CloudTrail_us-east-1_20261120T0100Z_x.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(logFile))) {
            out.write(MAPPER.createObjectNode().set("Records", records).toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("AWSLogs/111111111111/CloudTrail/us-east-1/2026/11/20/digest.txt"), "x");
        Path payload = Files.writeString(dir.resolve("payload.json"), MAPPER.createObjectNode()
                .set("awslogs", MAPPER.createObjectNode().put("data", Payloads.encodedData(
                        List.of(record("cli-3").toString())))).toString());
        Path decoded = Files.writeString(dir.resolve("decoded.json"),
                Payloads.decoded(List.of(record("cli-4").toString())).toString());

        IndexerCliTest.Run index = IndexerCliTest.run(Map.of(), "index", "--endpoint", node.url(),
                logFile.toString(), payload.toString(), decoded.toString());
        IndexerCliTest.Run backfill = IndexerCliTest.run(Map.of(), "backfill", "--endpoint", node.url(),
                dir.resolve("AWSLogs").toString());

        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out().strip()).isEqualTo("{\"indexed\":4,\"duplicates\":0,\"failed\":0}");
        assertThat(backfill.out().strip()).isEqualTo("{\"indexed\":0,\"duplicates\":2,\"failed\":0}");
        assertThat(node.search(EVENTS, "eventID:cli-*", 10).path("hits").path("total").path("value").asInt())
                .isEqualTo(4);
    }

    @Test
    @Order(10)
    void cliSetupReportsEachObjectAndChangesNothingOnAnUpToDateCluster() {
        IndexerCliTest.Run setup = IndexerCliTest.run(Map.of(), "setup", "--endpoint", node.url(),
                "--no-dashboards");

        assertThat(setup.exit()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("\"object\":\"index template security-events\",\"change\":\"UNCHANGED\"")
                .contains("\"CREATED\":0").contains("\"UPDATED\":0");
    }

    @Test
    @Order(11)
    void theRemediationRoleSearchListsTheExactRoleAndNoLookAlike() {
        ArrayNode records = MAPPER.createArrayNode();
        for (String role : List.of("security-watch-remediation-us-east-1", "security-watch-remediation-us-east-1-evil",
                "security-watch-remediation-x")) {
            ObjectNode record = record("role-" + role).put("eventName", "RevokeSecurityGroupIngress")
                    .put("readOnly", false);
            record.putObject("userIdentity").put("type", "AssumedRole").putObject("sessionContext")
                    .putObject("sessionIssuer").put("type", "Role").put("userName", role);
            records.add(record);
        }
        try (OpenSearchConnection connection = connection()) {
            IndexerWiring.ingester(MAPPER, Catalog.defaults(), IndexWindow.BACKFILL, connection.documentStore(),
                    BulkIndexer.DEFAULT_RETRY, d -> { }).ingest(MAPPER.createObjectNode().set("Records", records),
                    Instant.now());
        }
        AuditSearch search = AuditSearches.all().stream()
                .filter(s -> s.id().equals("security-watch-remediation-role-changes")).findFirst().orElseThrow();

        JsonNode hits = node.search(EVENTS, search.query(), 50).path("hits").path("hits");

        List<String> roles = new ArrayList<>();
        hits.forEach(hit -> roles.add(hit.path("_source").path("userIdentity").path("sessionContext")
                .path("sessionIssuer").path("userName").asText()));
        assertThat(roles).contains("security-watch-remediation-us-east-1")
                .doesNotContain("security-watch-remediation-us-east-1-evil", "security-watch-remediation-x");
    }

    private static ObjectNode record(String id) {
        ObjectNode record = MAPPER.createObjectNode().put("eventVersion", "1.08")
                .put("eventTime", "2026-11-20T01:00:00Z").put("eventSource", "ec2.amazonaws.com")
                .put("eventName", "CreateSecurityGroup").put("awsRegion", "us-east-1").put("eventID", id)
                .put("userAgent", "console").put("recipientAccountId", "111111111111");
        record.putObject("userIdentity").put("type", "IAMUser").put("userName", "alice");
        return record;
    }

    private static List<String> names(JsonNode hits) {
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(h.path("_source").path("eventName").asText()));
        return names;
    }

    private static IndexingSummary deliver(List<String> payloads) {
        IndexingSummary total = IndexingSummary.EMPTY;
        for (String payload : payloads) {
            Map<String, Integer> result = handler.handleRequest(Payloads.event(payload), null);
            total = total.plus(new IndexingSummary(result.get("indexed"), result.get("duplicates"),
                    result.get("failed"), 0));
        }
        return total;
    }

    private static List<StepResult> runSetup() {
        try (OpenSearchConnection connection = connection()) {
            return new SetupRunner(MAPPER).run(connection.restTarget(), null,
                    new SetupSettings(400, "arn:aws:iam::111111111111:role/indexer",
                            List.of("arn:aws:iam::111111111111:role/auditor")));
        }
    }

    private static OpenSearchConnection connection() {
        return OpenSearchConnection.open(ClusterEndpoint.parse(node.url()), Region.US_EAST_1, MAPPER);
    }

}
