package dev.securitywatch.hubcheck.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.hubcheck.membership.AccountIds;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import dev.securitywatch.hubcheck.membership.RegionNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stable snapshot file format (see docs/hub-member-check-lambda.md):
 * <pre>
 * {"takenAt":"2026-11-20T02:00:00Z",
 *  "regions":{"us-east-1":[{"accountId":"111111111111","memberStatus":"Enabled"}]},
 *  "organization":[{"accountId":"111111111111","name":"prod","state":"ACTIVE"}]}
 * </pre>
 * It also reads the original stack's {@code {"Enabled":[...],"Invited":[...]}} files. Every malformed input is a
 * {@link SnapshotFormatException} with a one-line message that says what and where.
 */
public final class SnapshotCodec {
    private final ObjectMapper mapper;

    public SnapshotCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(MembershipSnapshot snapshot) {
        ObjectNode root = mapper.createObjectNode();
        snapshot.takenAt().ifPresent(takenAt -> root.put("takenAt", takenAt.toString()));
        ObjectNode regions = root.putObject("regions");
        snapshot.regions().forEach((region, members) -> {
            ArrayNode rows = regions.putArray(region);
            members.forEach(member -> rows.addObject()
                    .put("accountId", member.accountId())
                    .put("memberStatus", member.status().spelling()));
        });
        snapshot.organization().ifPresent(accounts -> {
            ArrayNode rows = root.putArray("organization");
            accounts.forEach(account -> {
                ObjectNode row = rows.addObject().put("accountId", account.accountId());
                if (account.name() != null) {
                    row.put("name", account.name());
                }
                row.put("state", account.state());
            });
        });
        return root.toString();
    }

    /** Reads a snapshot; {@code legacyDate} dates a legacy file, whose content carries no time. */
    public StoredSnapshot read(String json, Optional<Instant> legacyDate) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        return read(root, legacyDate);
    }

    /** Reads an already parsed snapshot document. */
    public StoredSnapshot read(JsonNode root, Optional<Instant> legacyDate) {
        if (root == null || !root.isObject()) {
            throw new SnapshotFormatException("expected a JSON object, found " + kind(root));
        }
        if (root.has("regions")) {
            return new StoredSnapshot.Current(readCurrent(root));
        }
        if (isLegacy(root)) {
            return readLegacy(root, legacyDate);
        }
        throw new SnapshotFormatException("unknown snapshot shape: expected {\"takenAt\",\"regions\"} or the legacy"
                + " {\"Enabled\":[...]} layout, found fields " + fieldNames(root));
    }

    private MembershipSnapshot readCurrent(JsonNode root) {
        Instant takenAt = instant(root.get("takenAt"));
        JsonNode regionsNode = root.get("regions");
        if (!regionsNode.isObject()) {
            throw new SnapshotFormatException("'regions' must be an object of region → members, found "
                    + kind(regionsNode));
        }
        Map<String, List<Member>> regions = new LinkedHashMap<>();
        regionsNode.properties().forEach(entry -> regions.put(region(entry.getKey()),
                rows(entry.getValue(), "regions." + entry.getKey(), (row, where) ->
                        new Member(accountId(row, where), new MemberStatus(text(row, "memberStatus", where))))));
        Optional<List<OrgAccount>> organization = Optional.ofNullable(root.get("organization"))
                .filter(node -> !node.isNull())
                .map(node -> rows(node, "organization", (row, where) -> new OrgAccount(
                        accountId(row, where), optionalText(row, "name"), text(row, "state", where))));
        return new MembershipSnapshot(Optional.of(takenAt), regions, organization);
    }

    private static boolean isLegacy(JsonNode root) {
        for (Iterator<JsonNode> values = root.elements(); values.hasNext(); ) {
            JsonNode value = values.next();
            if (!value.isArray()) {
                return false;
            }
            for (JsonNode id : value) {
                if (!id.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static StoredSnapshot.Legacy readLegacy(JsonNode root, Optional<Instant> legacyDate) {
        Map<MemberStatus, List<String>> byStatus = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            if (entry.getKey().isBlank()) {
                throw new SnapshotFormatException("legacy snapshot has a blank status name");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : entry.getValue()) {
                if (!AccountIds.isValid(id.asText())) {
                    throw new SnapshotFormatException("legacy snapshot status " + AccountIds.printable(entry.getKey())
                            + " lists a value that is not a 12-digit account id");
                }
                ids.add(id.asText());
            }
            byStatus.put(new MemberStatus(entry.getKey()), ids);
        });
        return new StoredSnapshot.Legacy(byStatus, legacyDate);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(JsonNode row, String where);
    }

    private static <T> List<T> rows(JsonNode array, String where, RowReader<T> reader) {
        if (!array.isArray()) {
            throw new SnapshotFormatException("'" + where + "' must be an array, found " + kind(array));
        }
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode row = array.get(i);
            String rowWhere = where + "[" + i + "]";
            if (!row.isObject()) {
                throw new SnapshotFormatException("'" + rowWhere + "' must be an object, found " + kind(row));
            }
            rows.add(reader.read(row, rowWhere));
        }
        return rows;
    }

    private static String region(String name) {
        if (!RegionNames.isValid(name)) {
            throw new SnapshotFormatException("'regions' has a key that is not an AWS region name such as us-east-1");
        }
        return name;
    }

    private static String accountId(JsonNode row, String where) {
        String id = text(row, "accountId", where);
        if (!AccountIds.isValid(id)) {
            throw new SnapshotFormatException("'" + where + ".accountId' is not a 12-digit account id");
        }
        return id;
    }

    private static String text(JsonNode row, String field, String where) {
        JsonNode value = row.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SnapshotFormatException("'" + where + "." + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new SnapshotFormatException("'takenAt' must be an ISO-8601 instant such as 2026-11-20T02:00:00Z");
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new SnapshotFormatException("'takenAt' is not an ISO-8601 instant such as 2026-11-20T02:00:00Z");
        }
    }

    private static String kind(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing"
                : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> names.add(AccountIds.printable(name)));
        String joined = String.join(", ", names.subList(0, Math.min(names.size(), 5)));
        return "[" + (names.size() > 5 ? joined + ", ..." : joined) + "]";
    }
}
