package dev.securitywatch.lambdakit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of a CLI: its exit code and everything it printed. */
public record CliRun(int exit, String out, String err) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A CLI entry point in the shape every Security Watch CLI offers. */
    @FunctionalInterface
    public interface Cli {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    public static CliRun of(Cli cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stdout as JSON lines; fails the test on a line that is not JSON. */
    public List<JsonNode> lines() {
        return out.lines().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
