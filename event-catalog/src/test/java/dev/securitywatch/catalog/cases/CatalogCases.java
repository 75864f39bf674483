package dev.securitywatch.catalog.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code catalog-cases.json}: named events with what the catalog must make of them. The format, one object per
 * case (in the style of event-ruler's own {@code correctness-cases.json}):
 *
 * <pre>
 * {
 *   "name":      "unique, says what the case is about",
 *   "event":     {...},                  an EventBridge event, or a bare CloudTrail record (wrapped as EventBridge
 *                                         wraps it: iam.amazonaws.com becomes source aws.iam); or instead
 *   "corpus":    "cloudtrail/x.json",    a file of the acceptance corpus (event-model's test-jar)
 *   "matches":   ["entry-id", ...],      exactly the entries whose own patterns match, with every entry switched
 *                                         on; [] for none; a single id may stand alone
 *   "forwarded": {"us-east-1": true}     optional: whether the default catalog's member rules in that region
 *                                         forward it
 * }
 * </pre>
 *
 * A malformed file fails with a message that names the case and the field at fault.
 */
public final class CatalogCases {

    /** The case file, on the test classpath. */
    public static final String RESOURCE = "catalog-cases.json";

    private static final Set<String> FIELDS = Set.of("name", "event", "corpus", "matches", "forwarded");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param name      the case's name
     * @param source    where the event comes from: {@code corpus:<path>} or {@code inline}
     * @param envelope  the event as EventBridge sees it
     * @param matches   the ids of exactly the entries that must match, in the file's order
     * @param forwarded region to whether the default catalog's member rules there must forward the event
     */
    public record Case(String name, String source, EventEnvelope envelope, Set<String> matches,
                       Map<String, Boolean> forwarded) {
        @Override
        public String toString() {
            return name;
        }
    }

    private CatalogCases() {
    }

    /** The shipped case file, checked against every entry of the catalog. */
    public static List<Case> load(Catalog catalog) {
        try (InputStream in = CatalogCases.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(RESOURCE, MAPPER.readTree(in), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " is not valid JSON", e);
        }
    }

    /** Reads and checks the cases; {@code file} only names the file in error messages. */
    public static List<Case> parse(String file, JsonNode root, Catalog catalog) {
        if (root == null || !root.isArray()) {
            throw new CaseFileException(file + ": expected a JSON array of cases");
        }
        Set<String> entryIds = new LinkedHashSet<>();
        catalog.allEntries().forEach(e -> entryIds.add(e.id()));
        EnvelopeParser parser = new EnvelopeParser(MAPPER);
        Set<String> names = new HashSet<>();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode json = root.get(i);
            String where = file + ", case #" + (i + 1);
            if (!json.isObject()) {
                throw new CaseFileException(where + ": expected an object, got " + json.getNodeType());
            }
            JsonNode name = json.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new CaseFileException(where + ": missing \"name\" (a short sentence saying what it tests)");
            }
            where += " \"" + name.asText() + "\"";
            if (!names.add(name.asText())) {
                throw new CaseFileException(where + ": another case has the same name");
            }
            for (Iterator<String> fields = json.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!FIELDS.contains(field)) {
                    throw new CaseFileException(where + ": unknown field \"" + field + "\"; expected "
                            + "name, event or corpus, matches, forwarded");
                }
            }
            String source = source(json, where);
            EventEnvelope envelope = envelope(eventJson(json, where), parser, where);
            cases.add(new Case(name.asText(), source, envelope, matches(json, where, entryIds),
                    forwarded(json, where)));
        }
        return List.copyOf(cases);
    }

    private static String source(JsonNode json, String where) {
        boolean inline = json.has("event");
        boolean corpus = json.has("corpus");
        if (inline == corpus) {
            throw new CaseFileException(where + ": needs exactly one of \"event\" (the event as inline JSON) and"
                    + " \"corpus\" (a path under the acceptance corpus, e.g. cloudtrail/iam-CreateUser-...json)");
        }
        return inline ? "inline" : "corpus:" + json.get("corpus").asText();
    }

    private static JsonNode eventJson(JsonNode json, String where) {
        if (json.has("event")) {
            return json.get("event");
        }
        JsonNode path = json.get("corpus");
        if (!path.isTextual()) {
            throw new CaseFileException(where + ": \"corpus\" must be a path string");
        }
        try {
            return AcceptanceData.sample(path.asText()).json();
        } catch (IllegalArgumentException e) {
            throw new CaseFileException(where + ": no acceptance corpus file \"" + path.asText() + "\"");
        } catch (UncheckedIOException e) {
            throw new CaseFileException(where + ": cannot read corpus file \"" + path.asText() + "\": "
                    + e.getCause().getMessage());
        }
    }

    private static EventEnvelope envelope(JsonNode event, EnvelopeParser parser, String where) {
        List<InboundMessage> messages = parser.parse(event);
        if (messages.size() != 1) {
            throw new CaseFileException(where + ": the event holds " + messages.size()
                    + " events; a case has exactly one");
        }
        if (messages.get(0) instanceof UnreadableMessage unreadable) {
            throw new CaseFileException(where + ": the event is not one EventBridge can carry: "
                    + unreadable.reason());
        }
        return (EventEnvelope) messages.get(0);
    }

    private static Set<String> matches(JsonNode json, String where, Set<String> entryIds) {
        JsonNode matches = json.get("matches");
        if (matches == null || matches.isNull()) {
            throw new CaseFileException(where + ": missing expectation \"matches\": the ids of exactly the"
                    + " entries whose patterns match the event ([] for none)");
        }
        List<JsonNode> ids = new ArrayList<>();
        if (matches.isArray()) {
            matches.forEach(ids::add);
        } else {
            ids.add(matches);
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new CaseFileException(where + ": \"matches\" holds " + id + "; expected entry ids");
            }
            if (!entryIds.contains(id.asText())) {
                throw new CaseFileException(where + ": unknown entry id \"" + id.asText() + "\" in \"matches\";"
                        + " known ids: " + String.join(", ", entryIds));
            }
            if (!result.add(id.asText())) {
                throw new CaseFileException(where + ": \"" + id.asText() + "\" is listed twice in \"matches\"");
            }
        }
        return result;
    }

    private static Map<String, Boolean> forwarded(JsonNode json, String where) {
        JsonNode forwarded = json.get("forwarded");
        if (forwarded == null) {
            return Map.of();
        }
        if (!forwarded.isObject() || forwarded.isEmpty()) {
            throw new CaseFileException(where + ": \"forwarded\" must be an object of region to true or false,"
                    + " e.g. {\"us-east-1\": true, \"ap-northeast-1\": false}");
        }
        Map<String, Boolean> result = new LinkedHashMap<>();
        forwarded.properties().forEach(region -> {
            if (!REGION.matcher(region.getKey()).matches()) {
                throw new CaseFileException(where + ": \"forwarded\" names \"" + region.getKey()
                        + "\", which is not a region name such as eu-west-1");
            }
            if (!region.getValue().isBoolean()) {
                throw new CaseFileException(where + ": \"forwarded\"." + region.getKey() + " must be true or false");
            }
            result.put(region.getKey(), region.getValue().booleanValue());
        });
        return result;
    }

    /** The case file is malformed; the message names the case and what is wrong with it. */
    public static final class CaseFileException extends IllegalArgumentException {
        CaseFileException(String message) {
            super(message);
        }
    }
}
