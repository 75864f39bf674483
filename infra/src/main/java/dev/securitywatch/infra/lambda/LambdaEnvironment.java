package dev.securitywatch.infra.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.config.Settings.SlackRoute;
import dev.securitywatch.catalog.Category;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment contract between the CDK app and the Lambdas: the same validated settings, as compact JSON.
 * Secrets never travel this way; only the secret's name does.
 */
public final class LambdaEnvironment {
    /** The one CloudWatch namespace of every Lambda's metrics; each function is its own {@code Service} dimension. */
    public static final String METRICS_NAMESPACE = "SecurityWatch";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LambdaEnvironment() {
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render Lambda environment value", e);
        }
    }

    /**
     * {@code ACCOUNT_NAMES}, for the Lambdas that name accounts in messages: one entry per named account, so it
     * travels in the settings file ({@link JavaFunction.Spec#withFileSettings}), never in the 4 KB environment.
     */
    public static Map<String, String> accountNames(SecurityWatchConfig config) {
        return Map.of("ACCOUNT_NAMES", json(config.accountNames()));
    }

    /** Settings every Lambda that classifies events needs. */
    public static Map<String, String> shared(SecurityWatchConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CATALOG_SETTINGS", json(config.catalogJson().isNull() || config.catalogJson().isMissingNode()
                ? Map.of() : config.catalogJson()));
        env.put("POWERTOOLS_METRICS_NAMESPACE", METRICS_NAMESPACE);
        env.put("POWERTOOLS_LOG_LEVEL", "INFO");
        return env;
    }

    /**
     * Where Slack messages go: the secret's name (not its value) and the routing rules, the health channel's route
     * (category {@code health}) first.
     */
    public static Map<String, String> slack(SecurityWatchConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SLACK_SECRET_ID", config.slack().secretName());
        List<SlackRoute> routes = new ArrayList<>();
        config.health().slackChannel().ifPresent(channel -> routes.add(new SlackRoute(channel, List.of(),
                List.of(Category.HEALTH.id()), List.of())));
        routes.addAll(config.slack().routes());
        env.put("SLACK_ROUTES", json(routes(routes)));
        config.slack().defaultChannel().ifPresent(channel -> env.put("SLACK_DEFAULT_CHANNEL", channel));
        return env;
    }

    private static List<Map<String, Object>> routes(List<SlackRoute> routes) {
        return routes.stream().map(route -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("channel", route.channel());
            if (!route.accounts().isEmpty()) {
                json.put("accounts", route.accounts());
            }
            if (!route.categories().isEmpty()) {
                json.put("categories", route.categories());
            }
            if (!route.severities().isEmpty()) {
                json.put("severities", route.severities());
            }
            return json;
        }).toList();
    }
}
