package dev.securitywatch.remediation.invocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.securitywatch.lambdakit.json.JsonFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the Lambda event AWS Config sends to a custom rule: the outer event with {@code invokingEvent} as a JSON
 * string. So that the CLI can plan from what a user already has, it also accepts the invoking event alone, Config's
 * SNS notification around it, and a bare configuration item.
 */
public final class InvocationParser {
    private static final String ITEM_CHANGE = "ConfigurationItemChangeNotification";
    private static final String OVERSIZED = "OversizedConfigurationItemChangeNotification";
    private static final String SCHEDULED = "ScheduledNotification";

    private final ObjectMapper mapper;

    public InvocationParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ConfigInvocation parse(JsonNode event) {
        if (!event.isObject()) {
            throw new InvalidInvocationException("expected a JSON object (a Config rule invocation event)");
        }
        if ("Notification".equals(JsonFields.text(event, "Type")) && event.has("Message")) {
            return parse(embedded(event.get("Message"), "Message"));
        }
        if (!event.has("invokingEvent") && event.has("configurationItemCaptureTime")) {
            return new ConfigInvocation(null, accountOf(event), new ConfigInvocation.ItemChange(item(event), false));
        }
        JsonNode invoking = event.has("messageType") && !event.has("invokingEvent") ? event : invokingEvent(event);
        String messageType = JsonFields.text(invoking, "messageType");
        boolean leftScope = event.path("eventLeftScope").asBoolean(false);
        ConfigInvocation.Trigger trigger;
        if (ITEM_CHANGE.equals(messageType)) {
            trigger = new ConfigInvocation.ItemChange(item(required(invoking, "configurationItem", messageType)),
                    leftScope);
        } else if (OVERSIZED.equals(messageType)) {
            trigger = new ConfigInvocation.ItemChange(
                    summary(required(invoking, "configurationItemSummary", messageType)), leftScope);
        } else if (SCHEDULED.equals(messageType)) {
            trigger = new ConfigInvocation.Scheduled(time(invoking, "notificationCreationTime"));
        } else {
            throw new InvalidInvocationException("unsupported Config messageType " + (messageType == null
                    ? "(missing)" : "\"" + messageType + "\"") + "; expected " + ITEM_CHANGE + ", " + OVERSIZED
                    + " or " + SCHEDULED);
        }
        return new ConfigInvocation(JsonFields.text(event, "resultToken"), JsonFields.text(event, "accountId"),
                trigger);
    }

    private JsonNode invokingEvent(JsonNode event) {
        JsonNode invoking = event.get("invokingEvent");
        if (invoking == null || invoking.isNull()) {
            throw new InvalidInvocationException("not a Config rule invocation: no invokingEvent"
                    + " (nor a bare configuration item)");
        }
        return embedded(invoking, "invokingEvent");
    }

    /** A JSON object that AWS sends either inline or as a JSON string. */
    private JsonNode embedded(JsonNode node, String field) {
        if (node.isObject()) {
            return node;
        }
        try {
            JsonNode parsed = mapper.readTree(node.asText());
            if (parsed == null || !parsed.isObject()) {
                throw new InvalidInvocationException(field + " is not a JSON object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new InvalidInvocationException(field + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode required(JsonNode invoking, String field, String messageType) {
        JsonNode node = invoking.get(field);
        if (node == null || !node.isObject()) {
            throw new InvalidInvocationException(messageType + " without " + field);
        }
        return node;
    }

    private static ConfigurationItem item(JsonNode item) {
        JsonNode configuration = item.get("configuration");
        // A deleted item carries no configuration; an empty object keeps null meaning "oversized, fetch it".
        return item(item, configuration == null || configuration.isNull()
                ? JsonNodeFactory.instance.objectNode() : configuration, tagMap(item.get("tags")));
    }

    /** An oversized item's summary: the same fields without configuration or tags. */
    private static ConfigurationItem summary(JsonNode summary) {
        return item(summary, null, Map.of());
    }

    private static ConfigurationItem item(JsonNode node, JsonNode configuration, Map<String, String> tags) {
        return new ConfigurationItem(
                JsonFields.text(node, "resourceType"),
                JsonFields.text(node, "resourceId"),
                JsonFields.text(node, "resourceName"),
                JsonFields.text(node, "configurationItemStatus"),
                time(node, "configurationItemCaptureTime"),
                accountOf(node),
                JsonFields.text(node, "awsRegion"),
                configuration,
                tags);
    }

    private static String accountOf(JsonNode node) {
        String account = JsonFields.text(node, "awsAccountId");
        return account != null ? account : JsonFields.text(node, "accountId");
    }

    static Map<String, String> tagMap(JsonNode tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags == null) {
            return map;
        }
        if (tags.isObject()) {
            tags.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        } else if (tags.isArray()) {
            for (JsonNode tag : tags) {
                String key = JsonFields.text(tag, "key");
                if (key != null) {
                    String value = JsonFields.text(tag, "value");
                    map.put(key, value == null ? "" : value);
                }
            }
        }
        return map;
    }

    private static Instant time(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidInvocationException(field + " is not an ISO-8601 time: " + value.asText());
        }
    }
}
