package dev.securitywatch.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.AcceptanceData;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.securitywatch.indexer.dashboards.SavedObjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class IndexerCliTest {
    @TempDir
    static Path dir;

    public record Run(int exit, String out, String err) {
    }

    public static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new IndexerCli(env).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badInput() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.json"), "{\"Records\": [");
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"hello\": \"world\"}");
        Path badGzip = Files.writeString(dir.resolve("bad.json.gz"), "not gzip");
        Path badPayload = Files.writeString(dir.resolve("payload.json"), "{\"awslogs\":{\"data\":\"bm90IGd6aXA=\"}}");
        Path emptyDir = Files.createDirectories(dir.resolve("empty"));
        String local = "http://127.0.0.1:9";
        return Stream.of(
                Arguments.of(new String[] {}, "no command given"),
                Arguments.of(new String[] {"reindex"}, "unknown command 'reindex'"),
                Arguments.of(new String[] {"index", "x.json"}, "--endpoint is required"),
                Arguments.of(new String[] {"index", "--endpoint", local}, "name at least one FILE"),
                Arguments.of(new String[] {"index", "--endpoint", "ftp://x", "a.json"}, "https:// or http://"),
                Arguments.of(new String[] {"index", "--endpoint", local, "--bogus", "a.json"}, "unknown option --bogus"),
                Arguments.of(new String[] {"index", "--endpoint"}, "--endpoint needs a value"),
                Arguments.of(new String[] {"index", "--endpoint", local, dir.resolve("missing.json").toString()},
                        "no such file"),
                Arguments.of(new String[] {"index", "--endpoint", local, invalid.toString()}, "not valid JSON"),
                Arguments.of(new String[] {"index", "--endpoint", local, unknown.toString()}, "unknown event shape"),
                Arguments.of(new String[] {"index", "--endpoint", local, badGzip.toString()}, "not a readable gzip"),
                Arguments.of(new String[] {"index", "--endpoint", local, badPayload.toString()}, "not gzip"),
                Arguments.of(new String[] {"backfill", "--endpoint", local, emptyDir.toString()}, "no .json"),
                Arguments.of(new String[] {"backfill", "--endpoint", local, invalid.toString()}, "not a directory"),
                Arguments.of(new String[] {"setup", "--endpoint", local, "--retention-days", "-3"},
                        "--retention-days"),
                Arguments.of(new String[] {"setup", "--endpoint", local, "--no-dashboards", "--dashboards", local},
                        "either --dashboards URL or --no-dashboards"),
                Arguments.of(new String[] {"map", unknown.toString()}, "unknown event shape"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    void badInputIsOneLineOnStderrAndExitCode2(String[] args, String message) {
        Run run = run(Map.of(), args);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        if (args.length > 0) {
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void unreachableEndpointIsOneLineAndExitCode1() throws IOException {
        Path event = cloudTrailEventFile("event.json");

        Run run = run(Map.of(), "index", "--endpoint", "http://127.0.0.1:9", event.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("cannot reach OpenSearch");
    }

    @Test
    void indexRefusesAClusterWithoutTheTemplateAndSaysToRunSetup() throws IOException {
        WireMockServer cluster = new WireMockServer(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1")
                .dynamicPort());
        cluster.start();
        try {
            cluster.stubFor(WireMock.get("/_index_template/security-events").willReturn(WireMock.aResponse()
                    .withStatus(404).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"type\":\"resource_not_found_exception\"},\"status\":404}")));
            Path event = cloudTrailEventFile("event3.json");

            Run run = run(Map.of(), "index", "--endpoint", cluster.baseUrl(), event.toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("index: the index template security-events is not on the cluster: run"
                    + " setup --endpoint ... first");
            assertThat(cluster.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching("/_bulk.*")))).isEmpty();
        } finally {
            cluster.stop();
        }
    }

    @Test
    void httpsEndpointWithoutARegionAsksForOne() throws IOException {
        Path event = cloudTrailEventFile("event2.json");

        Run run = run(Map.of(), "index", "--endpoint", "https://search.example.com", event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("pass --region");
    }

    @Test
    void mapPrintsTheDocumentsTheLambdaWouldWrite() throws IOException {
        Path payload = Files.writeString(dir.resolve("encoded.json"),
                AcceptanceData.text("cwlogs/derived/encoded-DATA_MESSAGE-cloudtrail-stratus-records-1.json"));

        Run run = run(Map.of(), "map", payload.toString());

        assertThat(run.exit()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(run.out().lines()).isNotEmpty().allSatisfy(line -> {
            var json = mapper.readTree(line);
            assertThat(json.path("_index").asText()).startsWith("security-events-");
            assertThat(json.path("_source").path("user").path("name").asText()).isNotBlank();
        });
    }

    @Test
    void savedObjectsPrintsTheImportFile() {
        Run run = run(Map.of(), "saved-objects");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(new SavedObjects(new ObjectMapper()).toNdjson());
    }

    @Test
    void invalidCatalogSettingsAreBadInput() throws IOException {
        Path event = cloudTrailEventFile("event3.json");

        Run run = run(Map.of("CATALOG_SETTINGS", "{not json"), "map", event.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("CATALOG_SETTINGS");
    }

    private static Path cloudTrailEventFile(String name) throws IOException {
        return Files.writeString(dir.resolve(name), AcceptanceData.under("cloudtrail/").get(0).text());
    }
}
