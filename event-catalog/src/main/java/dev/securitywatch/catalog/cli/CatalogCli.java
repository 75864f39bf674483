package dev.securitywatch.catalog.cli;

import dev.securitywatch.lambdakit.cli.Commands;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.JsonFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.CatalogTable;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import dev.securitywatch.catalog.pattern.MatchResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code java -jar event-catalog.jar match|list|patterns}: see {@link #USAGE}. */
public final class CatalogCli {

    static final String USAGE = """
            usage: java -jar event-catalog.jar <command>
              match FILE...       say for each event whether the default catalog forwards it, and why
              list                print the catalog as a Markdown table
              patterns [REGION]   print the member-rule patterns for a region (default us-east-1)""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;

    CatalogCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CatalogCli(System.out, System.err).run(args));
    }

    int run(String... args) {
        return new Commands(USAGE)
                .add("match", this::match)
                .add("list", rest -> {
                    out.print(CatalogTable.markdown(Catalog.defaults()));
                    return Commands.EXIT_OK;
                })
                .add("patterns", rest -> {
                    ForwardingPatterns.forRegion(Catalog.defaults(), rest.isEmpty() ? "us-east-1" : rest.get(0))
                            .forEach(out::println);
                    return Commands.EXIT_OK;
                })
                .run(args, out, err);
    }

    /** Prints a line per event; a bad file is reported and skipped, and the exit code says so at the end. */
    private int match(List<String> files) {
        if (files.isEmpty()) {
            throw new CliException("match needs at least one FILE");
        }
        CatalogMatcher matcher = new CatalogMatcher(Catalog.defaults());
        EnvelopeParser parser = new EnvelopeParser(mapper);
        JsonFiles reader = new JsonFiles(mapper);
        int exit = 0;
        for (String file : files) {
            List<InboundMessage> messages;
            try {
                messages = parser.parse(reader.read(Path.of(file)));
            } catch (CliException e) {
                err.println("error: " + e.getMessage());
                exit = CliException.EXIT_BAD_INPUT;
                continue;
            }
            for (int i = 0; i < messages.size(); i++) {
                ObjectNode line = mapper.createObjectNode();
                line.put("file", file);
                if (messages.size() > 1) {
                    line.put("record", i);
                }
                describe(messages.get(i), matcher, line);
                out.println(line);
            }
        }
        return exit;
    }

    private void describe(InboundMessage message, CatalogMatcher matcher, ObjectNode line) {
        ArrayNode entries = mapper.createArrayNode();
        if (message instanceof UnreadableMessage unreadable) {
            line.put("matched", false);
            line.set("entries", entries);
            line.put("reason", unreadable.reason());
            return;
        }
        EventEnvelope envelope = (EventEnvelope) message;
        MatchResult result = matcher.match(envelope);
        line.put("matched", result.forwarded());
        for (CatalogEntry entry : result.entries()) {
            ObjectNode item = entries.addObject();
            item.put("id", entry.id());
            item.put("category", entry.category().id());
            item.put("severity", entry.severity().name());
            item.put("regionScope", entry.regionScope().label());
        }
        line.set("entries", entries);
        if (!result.forwarded()) {
            line.put("reason", "no enabled catalog entry matches " + describe(envelope));
        }
    }

    private static String describe(EventEnvelope envelope) {
        return envelope.cloudTrailEvent()
                .map(e -> e.eventSource() + " " + e.eventName()
                        + (Boolean.TRUE.equals(e.readOnly()) ? " (read-only)" : "")
                        + (e.failed() ? " (failed: " + e.errorCode() + ")" : ""))
                .orElse(envelope.source() + " \"" + envelope.detailType() + "\"");
    }
}
