package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.notifier.alert.Accounts;
import dev.securitywatch.notifier.alert.JsonSetting;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.routing.SlackRoutes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The notifier's environment, read and checked once per container. A bad value fails the init with a message that
 * names the variable.
 */
public record NotifierSettings(CatalogSettings catalogSettings, RenderSettings renderSettings, SlackRoutes routes,
                             boolean muteAutomation, String slackSecretId, String dedupTableName,
                             Duration dedupLease, Duration dedupRetention, Duration secretMaxAge) {

    public static NotifierSettings fromEnvironment(Map<String, String> env, ObjectMapper mapper) {
        Optional<String> dashboards = Optional.ofNullable(blankToNull(env.get("DASHBOARDS_URL")));
        dashboards.filter(url -> !url.startsWith("https://")).ifPresent(url -> {
            throw new IllegalArgumentException("DASHBOARDS_URL must start with https://");
        });
        RenderSettings render = new RenderSettings(Accounts.fromJson(env.get("ACCOUNT_NAMES"), mapper), dashboards,
                flag(env, "MENTION_ON_CRITICAL"));
        return new NotifierSettings(catalogSettings(env.get("CATALOG_SETTINGS"), mapper), render,
                SlackRoutes.fromJson(env.get("SLACK_ROUTES"), env.get("SLACK_DEFAULT_CHANNEL"), mapper), flag(env, "MUTE_AUTOMATION"),
                blankToNull(env.get("SLACK_SECRET_ID")), blankToNull(env.get("DEDUP_TABLE_NAME")),
                Duration.ofSeconds(number(env, "DEDUP_LEASE_SECONDS", 60)),
                Duration.ofDays(number(env, "DEDUP_RETENTION_DAYS", 14)),
                Duration.ofSeconds(number(env, "SECRET_MAX_AGE_SECONDS", 300)));
    }

    private static CatalogSettings catalogSettings(String json, ObjectMapper mapper) {
        return JsonSetting.read("CATALOG_SETTINGS", json, mapper).map(CatalogSettings::fromJson)
                .orElse(CatalogSettings.DEFAULTS);
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
