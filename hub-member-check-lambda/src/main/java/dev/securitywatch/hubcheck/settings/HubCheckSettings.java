package dev.securitywatch.hubcheck.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.check.CheckSettings;
import dev.securitywatch.hubcheck.membership.AccountIds;
import dev.securitywatch.hubcheck.membership.RegionNames;
import dev.securitywatch.lambdakit.settings.Environment;
import dev.securitywatch.lambdakit.settings.SettingsException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda's environment, read through lambda-kit's {@link Environment} and checked once at cold start; a bad
 * value fails the init with a {@link SettingsException} that names the variable and the expected form.
 *
 * @param bucket         {@code SNAPSHOT_BUCKET}
 * @param slackSecretId  {@code SLACK_SECRET_ID}: the Secrets Manager secret with the webhook URL or bot token
 * @param slackChannel   {@code SLACK_DEFAULT_CHANNEL}: bot-token mode posts here instead of the secret's default
 * @param ownAccount     {@code SECURITY_ACCOUNT}: the account this runs in, whose regions are read without naming it
 */
public record HubCheckSettings(CheckSettings settings, String bucket, String slackSecretId,
                                  Optional<String> slackChannel, Optional<String> ownAccount) {
    public static HubCheckSettings from(Map<String, String> variables, ObjectMapper mapper) {
        Environment env = new Environment(variables);
        String bucket = env.required("SNAPSHOT_BUCKET");
        String slackSecretId = env.required("SLACK_SECRET_ID");
        String centralRegion = region(env.optional("CENTRAL_REGION").or(() -> env.optional("AWS_REGION"))
                .orElse(null), "CENTRAL_REGION");
        List<String> regions = Arrays.stream(env.orDefault("HUB_REGIONS", centralRegion).split(","))
                .map(String::trim)
                .filter(region -> !region.isEmpty())
                .map(region -> region(region, "HUB_REGIONS"))
                .distinct()
                .toList();
        if (regions.isEmpty()) {
            throw new SettingsException("HUB_REGIONS must list regions, e.g. us-east-1,ap-northeast-1");
        }
        CheckSettings settings = new CheckSettings(regions, centralRegion,
                bool(env.orDefault("READ_ORGANIZATIONS", "true"), "READ_ORGANIZATIONS"),
                Zones.parse(env.orDefault("REPORT_TIMEZONE", "UTC"), "REPORT_TIMEZONE"),
                AccountNamesJson.parse(mapper, env.optional("ACCOUNT_NAMES").orElse(null)));
        Optional<String> ownAccount = env.optional("SECURITY_ACCOUNT");
        ownAccount.filter(account -> !AccountIds.isValid(account)).ifPresent(account -> {
            throw new SettingsException("SECURITY_ACCOUNT must be a 12-digit account id, not '" + account + "'");
        });
        return new HubCheckSettings(settings, bucket, slackSecretId, env.optional("SLACK_DEFAULT_CHANNEL"),
                ownAccount);
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
