package dev.securitywatch.catalog.suppression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Category;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code alerts.suppress} list. The same JSON travels from cdk.json, where synth checks it, to the notifier (the
 * {@code SUPPRESSIONS} environment variable), which applies it; both read it here, so they never disagree.
 *
 * <pre>{@code
 * [{"id": "terraform-tags",                                  optional; a hash of match and action otherwise
 *   "match": {"accounts": ["111111111111"], "actorArn": "arn:aws:sts::111111111111:assumed-role/terraform",
 *             "eventNames": ["CreateTags"], "categories": ["network"], "regions": ["us-east-1"]},
 *   "action": "drop" | "summary-only" | "downgrade",
 *   "reason": "tagging by the platform pipeline", "owner": "platform@example.com", "expires": "2027-03-31",
 *   "includeCritical": false}]
 * }</pre>
 */
public record Suppressions(List<Suppression> entries) {
    public static final Suppressions NONE = new Suppressions(List.of());

    private static final Set<String> FIELDS = Set.of("id", "match", "action", "reason", "owner", "expires",
            "includeCritical");
    private static final Set<String> MATCH_FIELDS = Set.of("accounts", "actorArn", "eventNames", "categories",
            "regions");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9:._-]{1,128}");

    public Suppressions {
        entries = List.copyOf(entries);
    }

    /** Reads the list; null or absent is none. Errors name the field, e.g. {@code [2].match.accounts[0]}. */
    public static Suppressions fromJson(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return NONE;
        }
        if (!json.isArray()) {
            throw new SuppressionFormatException("(root)", "expected a list of suppressions");
        }
        List<Suppression> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            Suppression entry = entry(json.get(i), "[" + i + "]");
            if (!ids.add(entry.id())) {
                throw new SuppressionFormatException("[" + i + "].id", "\"" + entry.id() + "\" is used twice;"
                        + " give each suppression its own id");
            }
            entries.add(entry);
        }
        return new Suppressions(entries);
    }

    /**
     * The entry that covers this alert at {@code now}: the first in the list that is still in force and matches.
     * Expired entries never apply.
     */
    public Optional<Suppression> covering(SuppressionSubject subject, Instant now) {
        return entries.stream().filter(e -> e.activeAt(now) && e.covers(subject)).findFirst();
    }

    /** An expired entry that would cover this alert: the alert posts, and the log says why it is back. */
    public Optional<Suppression> expiredCovering(SuppressionSubject subject, Instant now) {
        return entries.stream().filter(e -> !e.activeAt(now) && e.covers(subject)).findFirst();
    }

    public List<Suppression> expired(Instant now) {
        return entries.stream().filter(e -> !e.activeAt(now)).toList();
    }

    /** Entries in force now that stop applying within {@code horizon}: synth warns about them. */
    public List<Suppression> expiringWithin(Instant now, Duration horizon) {
        return entries.stream().filter(e -> e.activeAt(now) && !e.activeAt(now.plus(horizon))).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Suppression entry(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SuppressionFormatException(path, "expected an object with match, action, reason, owner, expires");
        }
        onlyFields(node, FIELDS, path);
        Suppression.Match match = match(node.get("match"), path + ".match");
        Suppression.Action action = Suppression.Action.fromId(required(node, "action", path))
                .orElseThrow(() -> new SuppressionFormatException(path + ".action", "expected one of "
                        + Suppression.actionIds() + ", got \"" + node.get("action").asText() + "\""));
        String reason = required(node, "reason", path);
        String owner = required(node, "owner", path);
        String expiresText = required(node, "expires", path);
        LocalDate expires;
        try {
            expires = LocalDate.parse(expiresText);
        } catch (DateTimeParseException e) {
            throw new SuppressionFormatException(path + ".expires", "expected a date such as 2027-03-31, got \""
                    + expiresText + "\"");
        }
        JsonNode critical = node.path("includeCritical");
        if (!critical.isMissingNode() && !critical.isBoolean()) {
            throw new SuppressionFormatException(path + ".includeCritical", "expected true or false");
        }
        String id = node.has("id") ? required(node, "id", path) : derivedId(node);
        if (!ID.matcher(id).matches()) {
            throw new SuppressionFormatException(path + ".id", "expected lowercase letters, digits and dashes,"
                    + " at most 40, got \"" + id + "\"");
        }
        return new Suppression(id, match, action, reason, owner, expires, critical.asBoolean(false));
    }

    private static Suppression.Match match(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SuppressionFormatException(path, "expected an object with at least one of " + MATCH_FIELDS);
        }
        onlyFields(node, MATCH_FIELDS, path);
        Optional<ActorGlob> actor = Optional.empty();
        if (node.has("actorArn")) {
            String glob = required(node, "actorArn", path);
            try {
                actor = Optional.of(new ActorGlob(glob));
            } catch (IllegalArgumentException e) {
                throw new SuppressionFormatException(path + ".actorArn", e.getMessage());
            }
        }
        Suppression.Match match = new Suppression.Match(
                strings(node, "accounts", path, ACCOUNT, "a 12-digit account id in quotes"), actor,
                strings(node, "eventNames", path, EVENT_NAME, "an exact event name such as CreateTags"),
                categories(node, path),
                strings(node, "regions", path, REGION, "a region such as us-east-1"));
        if (match.isEmpty()) {
            throw new SuppressionFormatException(path, "needs at least one of " + MATCH_FIELDS
                    + ": an entry that matches everything would silence the whole channel");
        }
        return match;
    }

    private static Set<String> categories(JsonNode node, String path) {
        Set<String> categories = strings(node, "categories", path, null, null);
        int i = 0;
        for (String category : categories) {
            if (Category.fromId(category).isEmpty()) {
                throw new SuppressionFormatException(path + ".categories[" + i + "]", "unknown category \""
                        + category + "\"; expected one of the catalog's category ids, e.g. iam, network");
            }
            i++;
        }
        return categories;
    }

    private static Set<String> strings(JsonNode node, String field, String path, Pattern shape, String expected) {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new SuppressionFormatException(path + "." + field, "expected a non-empty list of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode value = list.get(i);
            if (!value.isTextual() || (shape != null && !shape.matcher(value.asText()).matches())) {
                throw new SuppressionFormatException(path + "." + field + "[" + i + "]", "expected "
                        + (expected == null ? "a string" : expected) + ", got " + value);
            }
            values.add(value.asText());
        }
        return values;
    }

    private static String required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SuppressionFormatException(path + "." + field, "required: a non-blank string");
        }
        return value.asText().strip();
    }

    private static void onlyFields(JsonNode node, Set<String> fields, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new SuppressionFormatException(path + "." + name, "unknown field; expected one of "
                        + fields.stream().sorted().toList());
            }
        }
    }

    /** A name that stays the same while the entry's match and action do, so its digest counts carry over. */
    private static String derivedId(JsonNode node) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (node.get("match").toString() + "|" + node.get("action").asText())
                            .getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
