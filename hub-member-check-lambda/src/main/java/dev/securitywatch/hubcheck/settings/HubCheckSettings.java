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
import java.util.regex.Pattern;

/**
 * The Lambda's environment, read through lambda-kit's {@link Environment} and checked once at cold start; a bad
 * value fails the init with a {@link SettingsException} that names the variable and the expected form.
 *
 * @param bucket         {@code SNAPSHOT_BUCKET}
 * @param slackSecretId  {@code SLACK_SECRET_ID}: the Secrets Manager secret with the webhook URL or bot token
 * @param slackChannel   {@code SLACK_DEFAULT_CHANNEL}: bot-token mode posts here instead of the secret's default
 * @param ownAccount     {@code SECURITY_ACCOUNT}: the account this runs in, whose regions are read without naming it
 * @param stackSet       {@code STACKSET_NAME} with {@code STACKSET_CALL_AS} or {@code STACKSET_UNREADABLE}: the
 *                       organization StackSet, in {@code deployment.mode: stackset} only
 */
public record HubCheckSettings(CheckSettings settings, String bucket, String slackSecretId,
                                  Optional<String> slackChannel, Optional<String> ownAccount,
                                  Optional<StackSetSettings> stackSet) {
    /** CloudFormation's StackSet names: a letter, then letters, digits and dashes. */
    private static final Pattern STACKSET_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    private static final List<String> CALL_AS = List.of("SELF", "DELEGATED_ADMIN");

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
                ownAccount, stackSet(env));
    }

    private static Optional<StackSetSettings> stackSet(Environment env) {
        Optional<String> name = env.optional("STACKSET_NAME");
        Optional<String> callAs = env.optional("STACKSET_CALL_AS");
        Optional<String> unreadable = env.optional("STACKSET_UNREADABLE");
        if (name.isEmpty()) {
            if (callAs.isPresent() || unreadable.isPresent()) {
                throw new SettingsException((callAs.isPresent() ? "STACKSET_CALL_AS" : "STACKSET_UNREADABLE")
                        + " is set without STACKSET_NAME, the StackSet it is about");
            }
            return Optional.empty();
        }
        if (!STACKSET_NAME.matcher(name.get()).matches()) {
            throw new SettingsException("STACKSET_NAME must be a StackSet name (a letter, then letters, digits and"
                    + " dashes), not " + AccountIds.printable(name.get()));
        }
        if (callAs.isPresent() == unreadable.isPresent()) {
            throw new SettingsException("STACKSET_NAME needs exactly one of STACKSET_CALL_AS (SELF or"
                    + " DELEGATED_ADMIN: this account administers the StackSet) and STACKSET_UNREADABLE (why it"
                    + " cannot read it)");
        }
        if (unreadable.isPresent()) {
            return Optional.of(new StackSetSettings.NotReadable(name.get(), unreadable.get()));
        }
        if (!CALL_AS.contains(callAs.get())) {
            throw new SettingsException("STACKSET_CALL_AS must be SELF or DELEGATED_ADMIN, not "
                    + AccountIds.printable(callAs.get()));
        }
        return Optional.of(new StackSetSettings.Readable(name.get(), callAs.get()));
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
