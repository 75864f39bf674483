package dev.securitywatch.hubcheck.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.check.CheckSettings;
import dev.securitywatch.hubcheck.membership.RegionNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda's environment, checked once at cold start; a bad value fails the init with a message that names the
 * variable and the expected form.
 *
 * @param bucket         {@code SNAPSHOT_BUCKET}
 * @param slackSecretId  {@code SLACK_SECRET_ID}: the Secrets Manager secret with the webhook URL or bot token
 * @param slackChannel   {@code SLACK_DEFAULT_CHANNEL}: bot-token mode posts here instead of the secret's default
 */
public record HubCheckSettings(CheckSettings settings, String bucket, String slackSecretId,
                                  Optional<String> slackChannel) {
    public static HubCheckSettings from(Map<String, String> env, ObjectMapper mapper) {
        String bucket = required(env, "SNAPSHOT_BUCKET");
        String slackSecretId = required(env, "SLACK_SECRET_ID");
        String centralRegion = region(value(env, "CENTRAL_REGION", env.get("AWS_REGION")), "CENTRAL_REGION");
        List<String> regions = Arrays.stream(value(env, "HUB_REGIONS", centralRegion).split(","))
                .map(String::trim)
                .filter(region -> !region.isEmpty())
                .map(region -> region(region, "HUB_REGIONS"))
                .distinct()
                .toList();
        if (regions.isEmpty()) {
            throw new SettingsException("HUB_REGIONS must list regions, e.g. us-east-1,ap-northeast-1");
        }
        CheckSettings settings = new CheckSettings(regions, centralRegion,
                bool(value(env, "READ_ORGANIZATIONS", "true"), "READ_ORGANIZATIONS"),
                Zones.parse(value(env, "REPORT_TIMEZONE", "UTC"), "REPORT_TIMEZONE"),
                AccountNamesJson.parse(mapper, env.get("ACCOUNT_NAMES")));
        Optional<String> channel = Optional.ofNullable(env.get("SLACK_DEFAULT_CHANNEL")).map(String::trim)
                .filter(c -> !c.isEmpty());
        return new HubCheckSettings(settings, bucket, slackSecretId, channel);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String required(Map<String, String> env, String name) {
        String value = value(env, name, null);
        if (value == null) {
            throw new SettingsException(name + " is not set");
        }
        return value;
    }

    private static String region(String value, String name) {
        if (!RegionNames.isValid(value)) {
            throw new SettingsException(name + " must name AWS regions such as us-east-1, not '" + value + "'");
        }
        return value;
    }

    private static boolean bool(String value, String name) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingsException(name + " must be true or false, not '" + value + "'");
        };
    }
}
