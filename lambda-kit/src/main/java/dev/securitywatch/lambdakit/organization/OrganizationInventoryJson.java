package dev.securitywatch.lambdakit.organization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The inventory's file: {@code {"schema": 1, "readAt": ..., "accounts": [{"id", "name", "state"}],
 * "enabledRegions": {"111111111111": ["us-east-1", ...]}, "enabledRegionsUnreadable": "why" | null}}, and in
 * {@code stackset} mode {@code "stackSet": {"name", "instances": [{"account", "region", "status", "detailedStatus",
 * "driftStatus", "statusReason"}], "unreadable": "why" | null}} (optional, so schema 1 still reads without it).
 * A reader refuses a file it does not understand with a message that says what is wrong, never guesses.
 */
public final class OrganizationInventoryJson {
    public static final int SCHEMA = 1;
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final ObjectMapper mapper;

    public OrganizationInventoryJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(OrganizationInventory inventory) {
        ObjectNode file = mapper.createObjectNode().put("schema", SCHEMA)
                .put("readAt", inventory.readAt().toString());
        ArrayNode accounts = file.putArray("accounts");
        inventory.accounts().forEach(account -> accounts.addObject().put("id", account.id())
                .put("name", account.name()).put("state", account.state()));
        ObjectNode regions = file.putObject("enabledRegions");
        inventory.enabledRegions().forEach((account, enabled) -> enabled.forEach(regions.putArray(account)::add));
        file.put("enabledRegionsUnreadable", inventory.enabledRegionsUnreadable().orElse(null));
        inventory.stackSet().ifPresent(stackSet -> {
            ObjectNode node = file.putObject("stackSet").put("name", stackSet.name());
            ArrayNode instances = node.putArray("instances");
            stackSet.instances().forEach(instance -> instances.addObject().put("account", instance.account())
                    .put("region", instance.region()).put("status", instance.status())
                    .put("detailedStatus", instance.detailedStatus()).put("driftStatus", instance.driftStatus())
                    .put("statusReason", instance.statusReason()));
            node.put("unreadable", stackSet.unreadable().orElse(null));
        });
        return file.toString();
    }

    /** @throws InventoryFormatException when the text is not an inventory this version understands */
    public OrganizationInventory read(String json) {
        JsonNode file;
        try {
            file = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InventoryFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (file == null || !file.isObject()) {
            throw new InventoryFormatException("expected a JSON object");
        }
        if (file.path("schema").asInt(-1) != SCHEMA) {
            throw new InventoryFormatException("schema " + file.path("schema") + " is not " + SCHEMA
                    + "; was it written by another version of Security Watch?");
        }
        Instant readAt;
        try {
            readAt = Instant.parse(file.path("readAt").asText(""));
        } catch (DateTimeParseException e) {
            throw new InventoryFormatException("readAt must be an ISO instant, got " + file.path("readAt"));
        }
        JsonNode accountList = file.path("accounts");
        if (!accountList.isArray()) {
            throw new InventoryFormatException("accounts must be a list");
        }
        List<OrganizationInventory.Account> accounts = new ArrayList<>();
        for (JsonNode account : accountList) {
            String state = account.path("state").asText("");
            if (state.isBlank()) {
                throw new InventoryFormatException("account " + account.path("id") + " has no state");
            }
            accounts.add(new OrganizationInventory.Account(accountId(account.path("id").asText("")),
                    account.path("name").asText(null), state));
        }
        JsonNode regionMap = file.path("enabledRegions");
        if (!regionMap.isObject()) {
            throw new InventoryFormatException("enabledRegions must be an object of account id to regions");
        }
        Map<String, List<String>> enabled = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : regionMap.properties()) {
            if (!entry.getValue().isArray()) {
                throw new InventoryFormatException("enabledRegions." + entry.getKey() + " must be a list");
            }
            List<String> regions = new ArrayList<>();
            entry.getValue().forEach(region -> regions.add(region.asText()));
            enabled.put(accountId(entry.getKey()), regions);
        }
        JsonNode unreadable = file.path("enabledRegionsUnreadable");
        return new OrganizationInventory(readAt, accounts, enabled,
                unreadable.isTextual() ? Optional.of(unreadable.asText()) : Optional.empty(),
                stackSet(file.path("stackSet")));
    }

    private static Optional<OrganizationInventory.StackSetInstances> stackSet(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject() || !node.path("name").isTextual() || !node.path("instances").isArray()) {
            throw new InventoryFormatException("stackSet must be an object with a name and a list of instances");
        }
        List<OrganizationInventory.StackInstance> instances = new ArrayList<>();
        for (JsonNode instance : node.path("instances")) {
            String region = instance.path("region").asText("");
            String status = instance.path("status").asText("");
            if (region.isBlank() || status.isBlank()) {
                throw new InventoryFormatException("stack instance " + instance.path("account")
                        + " needs a region and a status");
            }
            instances.add(new OrganizationInventory.StackInstance(accountId(instance.path("account").asText("")),
                    region, status, instance.path("detailedStatus").asText(null),
                    instance.path("driftStatus").asText(null), instance.path("statusReason").asText(null)));
        }
        JsonNode unreadable = node.path("unreadable");
        return Optional.of(new OrganizationInventory.StackSetInstances(node.path("name").asText(), instances,
                unreadable.isTextual() ? Optional.of(unreadable.asText()) : Optional.empty()));
    }

    private static String accountId(String id) {
        if (!ACCOUNT.matcher(id).matches()) {
            throw new InventoryFormatException("expected a 12-digit account id, got '" + id + "'");
        }
        return id;
    }

    /** The inventory file is not one this version can read. */
    public static final class InventoryFormatException extends RuntimeException {
        public InventoryFormatException(String message) {
            super("organization inventory: " + message);
        }
    }
}
