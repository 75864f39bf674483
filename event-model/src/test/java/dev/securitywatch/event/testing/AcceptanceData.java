package dev.securitywatch.event.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The real AWS events under {@code src/test/resources/acceptance} (provenance in its MANIFEST.md). Other modules
 * read them through this module's test-jar, so the corpus is stored once.
 */
public final class AcceptanceData {
    private static final String ROOT = "acceptance/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A corpus file, e.g. {@code cloudtrail/foo.json}, with its JSON. */
    public record Sample(String path, JsonNode json) {
        public String text() {
            return json.toString();
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private AcceptanceData() {
    }

    /** Every file whose path starts with one of the folders, e.g. {@code "cloudtrail/"} or {@code "sns/derived/"}. */
    public static List<Sample> under(String... folders) {
        return index().stream()
                .filter(path -> Arrays.stream(folders).anyMatch(path::startsWith))
                .map(path -> new Sample(path, json(path)))
                .toList();
    }

    public static Sample sample(String path) {
        return new Sample(path, json(path));
    }

    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String path) {
        try (InputStream in = open(path)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read acceptance sample " + path, e);
        }
    }

    private static List<String> index() {
        return text("INDEX.txt").lines().filter(line -> !line.isBlank()).toList();
    }

    private static InputStream open(String path) {
        InputStream in = AcceptanceData.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IllegalArgumentException("no acceptance sample " + path);
        }
        return in;
    }
}
