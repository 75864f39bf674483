package dev.securitywatch.lambdakit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stdout while it is open, where Powertools Metrics writes its Embedded Metric Format lines, as CloudWatch Logs
 * would get them. Outside Lambda the logs go to stderr, so stdout holds the metrics alone.
 */
public final class MetricsCapture implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private MetricsCapture() {
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    public static MetricsCapture start() {
        return new MetricsCapture();
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The EMF lines (those with an {@code _aws} directive). */
    public List<JsonNode> emf() {
        return text().lines().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).filter(line -> line.has("_aws")).toList();
    }

    /** The only EMF line; fails unless exactly one was written. */
    public JsonNode single() {
        List<JsonNode> lines = emf();
        if (lines.size() != 1) {
            throw new AssertionError("expected one EMF line, got " + lines.size() + ":\n" + text());
        }
        return lines.get(0);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
