package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.catalog.suppression.SuppressionFormatException;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.chat.delivery.TokenBucketPacer;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.lambdakit.settings.Environment;
import dev.securitywatch.lambdakit.settings.SettingsException;
import dev.securitywatch.notifier.alert.Accounts;
import dev.securitywatch.notifier.alert.JsonSetting;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.routing.SlackRoutes;
import dev.securitywatch.notifier.service.Threading;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.notifier.health.Coverage;
import dev.securitywatch.notifier.service.FirstSeen;

/**
 * The notifier's environment, read through lambda-kit's {@link Environment} and checked once per container. A bad
 * value fails the init with a message that names the variable. {@code SLACK_SECRET_ID}, the table names and
 * {@code COVERAGE_BUCKET} stay optional here: the CLI renders without them; the Lambda's wiring requires them.
 */
public record NotifierSettings(CatalogSettings catalogSettings, RenderSettings renderSettings, SlackRoutes routes,
                             boolean muteAutomation, Suppressions suppressions, String slackSecretId,
                             String dedupTableName,
                             Duration dedupLease, Duration dedupRetention, Duration secretMaxAge,
                             int groupThreshold, Pace pace, Duration incidentWindow, Duration groupWindow,
                             String heartbeatTableName, Duration canaryInterval, Coverage.Configured configured,
                             String coverageBucket, Optional<Duration> firstSeenWindow,
                             Set<String> organizationAccounts) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern KEY_ARN = Pattern.compile("arn:[a-z-]+:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");


    /**
     * The pace per destination, shared by the invocations that may run at once.
     *
     * @param postsPerSecond the destination's pace (Slack: about one message per second per channel)
     * @param burst          posts it takes at once before the pace applies
     * @param share          how many invocations may run at once ({@code alerts.maxConcurrency}); each keeps
     *                       1/share of the pace, so together they never exceed it
     */
    public record Pace(double postsPerSecond, int burst, int share) {
        public Pace {
            if (!(postsPerSecond > 0) || burst < 1 || share < 1) {
                throw new SettingsException("the pace needs PACE_POSTS_PER_SECOND above 0, PACE_BURST and"
                        + " PACE_SHARE of at least 1");
            }
        }

        /** This invocation's part of the pace. */
        public TokenBucketPacer pacer(Clock clock, Sleeper sleeper) {
            return new TokenBucketPacer(postsPerSecond / share, Math.max(1, burst / share), clock, sleeper);
        }
    }

    public static NotifierSettings fromEnvironment(Map<String, String> variables, ObjectMapper mapper) {
        Environment env = new Environment(variables);
        Optional<String> dashboards = env.optional("DASHBOARDS_URL");
        dashboards.filter(url -> !url.startsWith("https://")).ifPresent(url -> {
            throw new SettingsException("DASHBOARDS_URL must start with https://");
        });
        Coverage.Configured configured = configured(text(env, "SECURITY_ACCOUNT"), text(env, "MEMBER_PATHS"),
                text(env, "STACKSET"), mapper);
        RenderSettings render = new RenderSettings(Accounts.fromJson(text(env, "ACCOUNT_NAMES"), mapper), dashboards,
                flag(env, "MENTION_ON_CRITICAL"), configured.paths(), ownKeys(text(env, "OWN_KEYS"), mapper),
                deployments(text(env, "DEPLOYMENT_ROLES"), env.optional("DEPLOYMENT_LOWERS_SEVERITY").isEmpty()
                        || flag(env, "DEPLOYMENT_LOWERS_SEVERITY"), mapper));
        return new NotifierSettings(catalogSettings(text(env, "CATALOG_SETTINGS"), mapper), render,
                SlackRoutes.fromJson(text(env, "SLACK_ROUTES"), text(env, "SLACK_DEFAULT_CHANNEL"), mapper),
                flag(env, "MUTE_AUTOMATION"), suppressions(text(env, "SUPPRESSIONS"), mapper),
                text(env, "SLACK_SECRET_ID"), text(env, "DEDUP_TABLE_NAME"),
                Duration.ofSeconds(positive(env, "DEDUP_LEASE_SECONDS", 60)),
                Duration.ofDays(positive(env, "DEDUP_RETENTION_DAYS", 14)),
                Duration.ofSeconds(positive(env, "SECRET_MAX_AGE_SECONDS", 300)),
                (int) positive(env, "GROUP_THRESHOLD", BurstPlanner.DEFAULT_THRESHOLD),
                new Pace(rate(env, "PACE_POSTS_PER_SECOND", 1), (int) positive(env, "PACE_BURST", 3),
                        (int) positive(env, "PACE_SHARE", 1)),
                Duration.ofHours(positive(env, "THREAD_HOURS", Threading.DEFAULT_INCIDENT_WINDOW.toHours())),
                Duration.ofMinutes(positive(env, "GROUP_WINDOW_MINUTES", Threading.DEFAULT_GROUP_WINDOW.toMinutes())),
                text(env, "HEARTBEAT_TABLE_NAME"), Duration.ofMinutes(positive(env, "CANARY_MINUTES", 15)),
                configured, text(env, "COVERAGE_BUCKET"), firstSeenWindow(env),
                organizationAccounts(text(env, "ORGANIZATION_ACCOUNTS"), mapper));
    }

    private static double rate(Environment env, String name, double fallback) {
        return env.optional(name).map(value -> {
            try {
                double parsed = Double.parseDouble(value);
                if (parsed > 0 && Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // Reported below, naming the variable.
            }
            throw new SettingsException(name + " must be a number above 0, got '" + value + "'");
        }).orElse(fallback);
    }

    /**
     * {@code MEMBER_PATHS}: {@code {"111111111111": ["us-east-1", ...]}}, the configured member stacks' regions;
     * {@code STACKSET}: {@code {"name": "SecurityWatch-Member", "regions": ["us-east-1", ...]}} in {@code stackset}
     * mode.
     */
    private static Coverage.Configured configured(String securityAccount, String json, String stackSet,
                                                  ObjectMapper mapper) {
        if (securityAccount != null && !ACCOUNT.matcher(securityAccount).matches()) {
            throw new SettingsException("SECURITY_ACCOUNT must be a 12-digit account id");
        }
        Map<String, List<String>> paths = new LinkedHashMap<>();
        Optional<JsonNode> read = JsonSetting.read("MEMBER_PATHS", json, mapper);
        if (read.isPresent()) {
            JsonNode members = read.get();
            if (!members.isObject()) {
                throw new SettingsException("MEMBER_PATHS must be a JSON object of account id to regions");
            }
            for (Map.Entry<String, JsonNode> member : members.properties()) {
                if (!ACCOUNT.matcher(member.getKey()).matches() || !member.getValue().isArray()) {
                    throw new SettingsException("MEMBER_PATHS." + member.getKey()
                            + " must be a 12-digit account id with a list of regions");
                }
                List<String> regions = new ArrayList<>();
                member.getValue().forEach(region -> regions.add(region.asText()));
                paths.put(member.getKey(), regions);
            }
        }
        return new Coverage.Configured(Optional.ofNullable(securityAccount), paths, stackSet(stackSet, mapper));
    }

    private static Optional<Coverage.StackSetTarget> stackSet(String json, ObjectMapper mapper) {
        return JsonSetting.read("STACKSET", json, mapper).map(stackSet -> {
            JsonNode name = stackSet.path("name");
            JsonNode regions = stackSet.path("regions");
            if (!name.isTextual() || name.asText().isBlank() || !regions.isArray() || regions.isEmpty()) {
                throw new SettingsException("STACKSET must be {\"name\": \"<StackSet name>\", \"regions\": [...]}"
                        + " with at least one region");
            }
            List<String> names = new ArrayList<>();
            regions.forEach(region -> names.add(region.asText()));
            return new Coverage.StackSetTarget(name.asText(), names);
        });
    }

    /**
     * {@code ORGANIZATION_ACCOUNTS}: {@code ["444444444444", ...]}, accounts of the organization that are not members
     * ({@code alerts.organizationAccounts}): a snapshot or image shared with them stays inside.
     */
    private static Set<String> organizationAccounts(String json, ObjectMapper mapper) {
        Set<String> accounts = new LinkedHashSet<>();
        Optional<JsonNode> read = JsonSetting.read("ORGANIZATION_ACCOUNTS", json, mapper);
        if (read.isPresent()) {
            if (!read.get().isArray()) {
                throw new SettingsException("ORGANIZATION_ACCOUNTS must be a JSON list of 12-digit account ids");
            }
            for (JsonNode account : read.get()) {
                if (!account.isTextual() || !ACCOUNT.matcher(account.asText()).matches()) {
                    throw new SettingsException("ORGANIZATION_ACCOUNTS must list 12-digit account ids in quotes, got "
                            + account);
                }
                accounts.add(account.asText());
            }
        }
        return Set.copyOf(accounts);
    }

    /** {@code FIRST_SEEN_DAYS}: the first-seen badge's window; 0 turns it off. */
    private static Optional<Duration> firstSeenWindow(Environment env) {
        if (env.optional("FIRST_SEEN_DAYS").filter(days -> days.trim().equals("0")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofDays(positive(env, "FIRST_SEEN_DAYS", FirstSeen.DEFAULT_WINDOW.toDays())));
    }

    /** {@code DEPLOYMENT_ROLES}: {@code ["cdk-hnb659fds-cfn-exec-role-*", ...]}; lowering is on unless said false. */
    private static RenderSettings.Deployments deployments(String json, boolean lowersSeverity, ObjectMapper mapper) {
        List<String> roles = new ArrayList<>();
        Optional<JsonNode> read = JsonSetting.read("DEPLOYMENT_ROLES", json, mapper);
        if (read.isPresent()) {
            if (!read.get().isArray()) {
                throw new SettingsException("DEPLOYMENT_ROLES must be a JSON list of role names");
            }
            for (JsonNode role : read.get()) {
                if (!role.isTextual() || role.asText().isBlank()) {
                    throw new SettingsException("DEPLOYMENT_ROLES must list role names, got " + role);
                }
                roles.add(role.asText());
            }
        }
        return new RenderSettings.Deployments(roles, lowersSeverity);
    }

    /** {@code OWN_KEYS}: {@code ["arn:aws:kms:...:key/<id>", ...]}, Security Watch's own KMS keys. */
    private static Set<String> ownKeys(String json, ObjectMapper mapper) {
        Set<String> keys = new LinkedHashSet<>();
        Optional<JsonNode> read = JsonSetting.read("OWN_KEYS", json, mapper);
        if (read.isPresent()) {
            if (!read.get().isArray()) {
                throw new SettingsException("OWN_KEYS must be a JSON list of KMS key ARNs");
            }
            for (JsonNode key : read.get()) {
                if (!key.isTextual() || !KEY_ARN.matcher(key.asText()).matches()) {
                    throw new SettingsException("OWN_KEYS must list KMS key ARNs (arn:aws:kms:<region>:<account>:"
                            + "key/<id>), got " + key);
                }
                keys.add(key.asText());
            }
        }
        return keys;
    }

    private static CatalogSettings catalogSettings(String json, ObjectMapper mapper) {
        return JsonSetting.read("CATALOG_SETTINGS", json, mapper).map(CatalogSettings::fromJson)
                .orElse(CatalogSettings.DEFAULTS);
    }

    private static Suppressions suppressions(String json, ObjectMapper mapper) {
        try {
            return JsonSetting.read("SUPPRESSIONS", json, mapper).map(Suppressions::fromJson).orElse(Suppressions.NONE);
        } catch (SuppressionFormatException e) {
            throw new SettingsException("SUPPRESSIONS" + (e.field().startsWith("[") ? e.getMessage() : ": " + e.problem()));
        }
    }

    /** The trimmed value, null when unset or blank. */
    private static String text(Environment env, String name) {
        return env.optional(name).orElse(null);
    }

    private static boolean flag(Environment env, String name) {
        return env.optional(name).map(value -> {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new SettingsException(name + " must be true or false, got '" + value + "'");
        }).orElse(false);
    }

    private static long positive(Environment env, String name, long fallback) {
        return env.optional(name).map(value -> {
            try {
                long parsed = Long.parseLong(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // Reported below, naming the variable.
            }
            throw new SettingsException(name + " must be a positive whole number, got '" + value + "'");
        }).orElse(fallback);
    }
}
