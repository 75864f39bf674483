package dev.securitywatch.hubcheck.settings;

import dev.securitywatch.lambdakit.settings.SettingsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.membership.AccountIds;
import java.util.HashMap;
import java.util.Map;

/** {@code ACCOUNT_NAMES}: {@code {"111111111111": "prod", ...}}; absent or empty means no names. */
public final class AccountNamesJson {
    private static final String SETTING = "ACCOUNT_NAMES";

    private AccountNamesJson() {
    }

    public static Map<String, String> parse(ObjectMapper mapper, String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SettingsException(SETTING + " is not valid JSON; expected {\"111111111111\": \"prod\", ...}");
        }
        if (!root.isObject()) {
            throw new SettingsException(SETTING + " must be a JSON object {\"111111111111\": \"prod\", ...}");
        }
        Map<String, String> names = new HashMap<>();
        root.properties().forEach(entry -> {
            if (!AccountIds.isValid(entry.getKey()) || !entry.getValue().isTextual()) {
                throw new SettingsException(SETTING + " maps 12-digit account ids to names; '" + entry.getKey()
                        + "' is not such an entry");
            }
            names.put(entry.getKey(), entry.getValue().asText());
        });
        return names;
    }
}
