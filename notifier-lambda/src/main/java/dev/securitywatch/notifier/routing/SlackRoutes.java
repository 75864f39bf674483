package dev.securitywatch.notifier.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.JsonSetting;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bot-token routing from env {@code SLACK_ROUTES}:
 * {@code [{"channel": "C0123", "accounts": [...], "categories": [...], "severities": ["CRITICAL"]}]}. The first route
 * whose selectors all match wins; an absent selector matches everything; no match means the default channel:
 * {@code SLACK_DEFAULT_CHANNEL} (context {@code slack.defaultChannel}) when set, else the secret's.
 */
public final class SlackRoutes {
    private static final Set<String> FIELDS = Set.of("channel", "accounts", "categories", "severities");

    public record Route(String channel, List<String> accounts, List<String> categories, List<Severity> severities) {
        boolean matches(Alert alert) {
            return (accounts.isEmpty() || accounts.contains(alert.accountId()))
                    && (categories.isEmpty() || alert.category().filter(categories::contains).isPresent())
                    && (severities.isEmpty() || severities.contains(alert.severity()));
        }
    }

    private final List<Route> routes;
    private final Optional<String> defaultChannel;

    public SlackRoutes(List<Route> routes, Optional<String> defaultChannel) {
        this.routes = List.copyOf(routes);
        this.defaultChannel = defaultChannel;
    }

    public static SlackRoutes none() {
        return new SlackRoutes(List.of(), Optional.empty());
    }

    /** The routed channel, else the configured default; empty means the secret's default channel. */
    public Optional<String> channelFor(Alert alert) {
        return routes.stream().filter(r -> r.matches(alert)).map(Route::channel).findFirst().or(() -> defaultChannel);
    }

    /** Parses the JSON; errors name the route index and field so a deploy fails with a fixable message. */
    public static SlackRoutes fromJson(String json, ObjectMapper mapper) {
        return fromJson(json, null, mapper);
    }

    /** @param defaultChannel {@code SLACK_DEFAULT_CHANNEL}; null or blank leaves the secret's default in charge */
    public static SlackRoutes fromJson(String json, String defaultChannel, ObjectMapper mapper) {
        Optional<String> fallback = Optional.ofNullable(defaultChannel).map(String::trim).filter(c -> !c.isEmpty());
        Optional<JsonNode> parsed = JsonSetting.read("SLACK_ROUTES", json, mapper);
        if (parsed.isEmpty()) {
            return new SlackRoutes(List.of(), fallback);
        }
        JsonNode root = parsed.get();
        if (!root.isArray()) {
            throw new IllegalArgumentException("SLACK_ROUTES must be a JSON list of routes");
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode route = root.get(i);
            String where = "SLACK_ROUTES[" + i + "]";
            if (!route.isObject() || !route.path("channel").isTextual() || route.path("channel").asText().isBlank()) {
                throw new IllegalArgumentException(where + " needs a \"channel\"");
            }
            for (Iterator<String> names = route.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException(where + "." + name + " is unknown; expected " + FIELDS);
                }
            }
            List<Severity> severities = new ArrayList<>();
            for (String severity : strings(route, "severities", where)) {
                try {
                    severities.add(Severity.valueOf(severity));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".severities: unknown severity '" + severity
                            + "'; expected CRITICAL, HIGH, MEDIUM or LOW");
                }
            }
            routes.add(new Route(route.path("channel").asText(), strings(route, "accounts", where),
                    strings(route, "categories", where), severities));
        }
        return new SlackRoutes(routes, fallback);
    }

    private static List<String> strings(JsonNode route, String field, String where) {
        JsonNode list = route.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + "." + field + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }
}
