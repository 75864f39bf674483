package dev.securitywatch.indexer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;

/**
 * A real single OpenSearch node inside the test JVM, bound to 127.0.0.1, started once per test class and stopped by
 * it. Assertions talk to it over plain HTTP with the JDK client, independent of the code under test.
 */
public final class LocalOpenSearch implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenSearchRunner runner;
    private final Path home;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalOpenSearch(OpenSearchRunner runner, Path home, String url) {
        this.runner = runner;
        this.home = home;
        this.url = url;
    }

    public static LocalOpenSearch start() {
        try {
            Path home = Files.createTempDirectory("security-watch-opensearch");
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            OpenSearchRunner runner = new OpenSearchRunner();
            runner.setMaxHttpPort(base + 49);
            runner.onBuild((number, settings) -> {
                settings.put("network.host", "127.0.0.1");
                settings.put("transport.port", (base + 50) + "-" + (base + 99));
                // A shared build machine may have little free disk: never turn indices read-only in tests.
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                settings.put("http.cors.enabled", false);
            }).build(OpenSearchRunner.newConfigs().basePath(home.toString()).numOfNode(1)
                    .baseHttpPort(base).clusterName("security-watch-test").disableESLogger());
            runner.ensureYellow();
            int port = runner.node().injector().getInstance(HttpServerTransport.class).boundAddress()
                    .publishAddress().getPort();
            return new LocalOpenSearch(runner, home, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
    }

    public JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public JsonNode put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).DELETE());
    }

    public void refresh() {
        post("/_refresh", "{}");
    }

    public long count(String index) {
        refresh();
        return get("/" + index + "/_count").path("count").asLong();
    }

    /** Runs a Lucene query string, as a saved search does in Dashboards. */
    public JsonNode search(String index, String luceneQuery, int size) {
        String body = MAPPER.createObjectNode().put("size", size).set("query", MAPPER.createObjectNode()
                .set("query_string", MAPPER.createObjectNode().put("query", luceneQuery))).toString();
        refresh();
        return post("/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", body);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        runner.close();
        runner.clean();
    }
}
