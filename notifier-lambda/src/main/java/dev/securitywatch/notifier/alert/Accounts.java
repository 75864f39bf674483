package dev.securitywatch.notifier.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Account names from the {@code memberAccounts} context (env {@code ACCOUNT_NAMES}), for "prod (111111111111)". */
public final class Accounts {
    private final Map<String, String> names;

    public Accounts(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static Accounts none() {
        return new Accounts(Map.of());
    }

    /** Reads {@code {"111111111111": "prod", ...}}; blank means none. */
    public static Accounts fromJson(String json, ObjectMapper mapper) {
        Optional<JsonNode> parsed = JsonSetting.read("ACCOUNT_NAMES", json, mapper);
        if (parsed.isEmpty()) {
            return none();
        }
        JsonNode root = parsed.get();
        if (!root.isObject()) {
            throw new IllegalArgumentException("ACCOUNT_NAMES must be a JSON object of account id to name");
        }
        Map<String, String> names = new LinkedHashMap<>();
        root.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("ACCOUNT_NAMES." + e.getKey() + " must be a string");
            }
            names.put(e.getKey(), e.getValue().asText());
        });
        return new Accounts(names);
    }

    /** "prod (111111111111)", the bare id when unnamed, or "unknown account". */
    public String describe(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            return "unknown account";
        }
        String name = names.get(accountId);
        return name == null ? accountId : name + " (" + accountId + ")";
    }
}
