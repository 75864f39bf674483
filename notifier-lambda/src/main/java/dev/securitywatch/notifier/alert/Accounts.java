package dev.securitywatch.notifier.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Account names for "prod (111111111111)": the {@code memberAccounts} context's (env {@code ACCOUNT_NAMES}) first,
 * then, for an account it does not name, the organization's (an account the StackSet enrols is named nowhere else).
 */
public final class Accounts {
    private final Map<String, String> names;
    private final Function<String, Optional<String>> organization;

    public Accounts(Map<String, String> names) {
        this(names, account -> Optional.empty());
    }

    private Accounts(Map<String, String> names, Function<String, Optional<String>> organization) {
        this.names = Map.copyOf(names);
        this.organization = organization;
    }

    /** These names, and {@code organization}'s for the accounts they do not name. */
    public Accounts withOrganizationNames(Function<String, Optional<String>> organization) {
        return new Accounts(names, organization);
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
        return describe(accountId, null);
    }

    /** As {@link #describe(String)}, with {@code knownName} (the caller's, e.g. an inventory's) before the rest. */
    public String describe(String accountId, String knownName) {
        if (accountId == null || accountId.isBlank()) {
            return "unknown account";
        }
        String name = names.get(accountId);
        if (name == null) {
            name = knownName != null ? knownName : organization.apply(accountId).orElse(null);
        }
        return name == null ? accountId : name + " (" + accountId + ")";
    }
}
