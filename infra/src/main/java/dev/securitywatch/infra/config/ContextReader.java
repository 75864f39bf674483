package dev.securitywatch.infra.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.catalog.CatalogSettingsException;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.catalog.suppression.SuppressionFormatException;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.infra.config.Settings.Alerts;
import dev.securitywatch.infra.config.Settings.Health;
import dev.securitywatch.infra.config.Settings.HubMemberCheck;
import dev.securitywatch.infra.config.Settings.MemberAccount;
import dev.securitywatch.infra.config.Settings.OpenSearch;
import dev.securitywatch.infra.config.Settings.OperationPreferences;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.config.Settings.Slack;
import dev.securitywatch.infra.config.Settings.StackSetDeployment;
import dev.securitywatch.infra.config.Settings.Suppress;
import dev.securitywatch.infra.config.Settings.SlackRoute;
import dev.securitywatch.remediation.policy.PolicyException;
import dev.securitywatch.remediation.policy.PolicyParser;
import dev.securitywatch.remediation.policy.RemediationContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one place that reads cdk.json context into typed settings. Every bad value fails synth with a message that
 * names the key and the expected form.
 */
public final class ContextReader {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    /** {@code ou-}, the root's id without {@code r-}, a dash and the OU's own id; or the root itself. */
    private static final Pattern ORGANIZATIONAL_UNIT = Pattern.compile(
            "ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");
    private static final Pattern BUS_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern KMS_KEY_ARN = Pattern.compile(
            "arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");
    private static final Pattern ROLE_PATTERN = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}\\*?");
    private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{8,}|#[a-z0-9_-]{1,80}");
    private static final Pattern CRON = Pattern.compile("cron\\(([^)]*)\\)");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z,\\-*/?LW#]+");
    private static final Pattern ENGINE = Pattern.compile("OpenSearch_2\\.\\d+");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+\\.search");
    private static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s<>|]+");
    /** The retention periods CloudWatch Logs accepts. */
    private static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final Function<String, Object> context;
    private final Set<String> knownRegions;

    /**
     * @param context      looks up a context key (in the app: {@code app.getNode()::tryGetContext})
     * @param knownRegions region names that exist (in the app: from the CDK's region facts)
     */
    public ContextReader(Function<String, Object> context, Set<String> knownRegions) {
        this.context = context;
        this.knownRegions = Set.copyOf(knownRegions);
    }

    public SecurityWatchConfig read() {
        String securityAccount = node("securityAccount").text(ACCOUNT_ID, "a 12-digit AWS account id in quotes");
        String centralRegion = region(node("centralRegion"));
        Optional<String> organizationId = node("organizationId")
                .optionalText(ORGANIZATION_ID, "an AWS Organizations id such as o-a1b2c3d4e5");
        Optional<StackSetDeployment> stackSet = deployment(node("deployment"), organizationId);
        List<MemberAccount> members = memberAccounts(node("memberAccounts"), stackSet.isPresent());
        ContextNode catalogNode = node("catalog");
        CatalogSettings catalog = catalog(catalogNode);

        Map<String, String> names = new LinkedHashMap<>();
        members.forEach(m -> names.put(m.id(), m.name()));
        names.putIfAbsent(securityAccount, "security");

        return new SecurityWatchConfig(securityAccount, centralRegion, organizationId,
                node("centralBusName").textOr("security-watch", BUS_NAME, "an event bus name"),
                members, slack(node("slack")), alerts(node("alerts")), catalog, catalogNode.json(),
                retentionDays(node("eventsLogRetentionDays")), remediation(), hubMemberCheck(centralRegion),
                openSearch(node("openSearch")), names, health(node("health")), stackSet);
    }

    /** {@code deployment}: absent or {@code mode: stacks} is one stack per member account and region. */
    private Optional<StackSetDeployment> deployment(ContextNode node, Optional<String> organizationId) {
        if (node.isAbsent()) {
            return Optional.empty();
        }
        node.requireObject(Set.of("mode", "administratorAccount", "callAs", "organizationalUnits", "regions",
                "retainStacksOnAccountRemoval", "operationPreferences"));
        String mode = oneOf(node.field("mode"), List.of("stacks", "stackset"));
        if (mode.equals("stacks")) {
            return Optional.empty();
        }
        if (organizationId.isEmpty()) {
            throw new ContextException("organizationId", "the organization's id (o-...): deployment.mode stackset"
                    + " deploys to the organization's OUs, and the central bus then admits only forwarding roles"
                    + " of that organization");
        }
        ContextNode units = node.field("organizationalUnits");
        List<String> ous = units.list((ou, i) -> ou.text(ORGANIZATIONAL_UNIT, "an organizational unit id such as"
                + " ou-ab12-cdef3456 (ou-, the root's id without r-, a dash, the OU's own id) or the root r-ab12"));
        if (ous.isEmpty()) {
            throw new ContextException(units.key(), "at least one organizational unit id (ou-...) or the root"
                    + " (r-...): a StackSet with no targets deploys nowhere", units.json());
        }
        ContextNode regionsNode = node.field("regions");
        List<String> regions = regionsNode.list((region, i) -> region(region));
        if (regions.isEmpty() || new HashSet<>(regions).size() != regions.size()) {
            throw new ContextException(regionsNode.key(), "each region the member side runs in, once (an explicit"
                    + " list: see the README on enabled regions)", regionsNode.json());
        }
        return Optional.of(new StackSetDeployment(
                node.field("administratorAccount").text(ACCOUNT_ID, "the 12-digit id of the management account, or"
                        + " of the delegated StackSets administrator with callAs DELEGATED_ADMIN"),
                node.field("callAs").isAbsent() ? StackSetDeployment.SELF : oneOf(node.field("callAs"),
                        List.of(StackSetDeployment.SELF, StackSetDeployment.DELEGATED_ADMIN)),
                ous, regions, node.field("retainStacksOnAccountRemoval").bool(false),
                operationPreferences(node.field("operationPreferences"))));
    }

    private static OperationPreferences operationPreferences(ContextNode node) {
        if (node.isAbsent()) {
            return OperationPreferences.DEFAULTS;
        }
        node.requireObject(Set.of("maxConcurrentPercentage", "failureTolerancePercentage", "regionConcurrencyType",
                "concurrencyMode"));
        OperationPreferences defaults = OperationPreferences.DEFAULTS;
        ContextNode regionType = node.field("regionConcurrencyType");
        ContextNode concurrency = node.field("concurrencyMode");
        return new OperationPreferences(
                node.field("maxConcurrentPercentage").integer(defaults.maxConcurrentPercentage(), 1, 100),
                node.field("failureTolerancePercentage").integer(defaults.failureTolerancePercentage(), 0, 100),
                regionType.isAbsent() ? defaults.regionConcurrencyType()
                        : oneOf(regionType, List.of("PARALLEL", "SEQUENTIAL")),
                concurrency.isAbsent() ? defaults.concurrencyMode()
                        : oneOf(concurrency, List.of("SOFT_FAILURE_TOLERANCE", "STRICT_FAILURE_TOLERANCE")));
    }

    private static Health health(ContextNode node) {
        if (node.isAbsent()) {
            return Health.defaults();
        }
        node.requireObject(Set.of("emails", "slackChannel", "archiveRetentionDays", "canaryMinutes",
                "coverageSchedule", "coverageTimezone", "floodEventsPer5Minutes"));
        ContextNode schedule = node.field("coverageSchedule");
        ContextNode zone = node.field("coverageTimezone");
        return new Health(node.field("emails").list((email, i) -> email.text(EMAIL, "an email address")),
                node.field("slackChannel").optionalText(CHANNEL, "a Slack channel id such as C0123456789"),
                node.field("archiveRetentionDays").integer(Health.DEFAULT_ARCHIVE_RETENTION_DAYS, 1, 3650),
                // Scheduler's rate is whole minutes; below 5 the heartbeats cost more than they tell.
                node.field("canaryMinutes").integer(Health.DEFAULT_CANARY_MINUTES, 5, 60),
                schedule.isAbsent() ? Health.DEFAULT_COVERAGE_SCHEDULE : cron(schedule),
                zone.isAbsent() ? Health.DEFAULT_COVERAGE_TIMEZONE : timezone(zone),
                node.field("floodEventsPer5Minutes").integer(Health.DEFAULT_FLOOD_EVENTS_PER_5_MINUTES, 10,
                        1_000_000));
    }

    private ContextNode node(String key) {
        return ContextNode.of(key, context.apply(key));
    }

    private String region(ContextNode node) {
        String region = node.text("an AWS region such as us-east-1");
        if (!knownRegions.contains(region)) {
            throw new ContextException(node.key(), "a known AWS region such as us-east-1 or ap-northeast-1",
                    "\"" + region + "\"");
        }
        return region;
    }

    /**
     * In stackset mode the list may be empty: it then names only the accounts that still get a stack of their own
     * (the management account, which StackSets never deploy to, and accounts being migrated).
     */
    private List<MemberAccount> memberAccounts(ContextNode node, boolean stackSet) {
        if (stackSet && node.isAbsent()) {
            return List.of();
        }
        if (node.isAbsent() || (node.json().isEmpty() && !stackSet)) {
            throw new ContextException(node.key(), "a list of {\"id\", \"name\", \"regions\"} with at least one"
                    + " account", node.json());
        }
        Set<String> seen = new HashSet<>();
        return node.list((account, i) -> {
            account.requireObject(Set.of("id", "name", "regions", "remediationMode"));
            String id = account.field("id").text(ACCOUNT_ID, "a 12-digit AWS account id in quotes");
            if (!seen.add(id)) {
                throw new ContextException(account.key() + ".id", "account " + id + " is listed twice");
            }
            List<String> regions = account.field("regions").list((region, j) -> region(region));
            if (regions.isEmpty()) {
                throw new ContextException(account.key() + ".regions", "at least one region", "[]");
            }
            if (new HashSet<>(regions).size() != regions.size()) {
                throw new ContextException(account.key() + ".regions", "each region once", regions);
            }
            // remediationMode is the remediation policy's to read: see remediation().
            return new MemberAccount(id, account.field("name").text(NAME, "a short account name such as prod"),
                    regions);
        });
    }

    private CatalogSettings catalog(ContextNode node) {
        try {
            CatalogSettings settings = CatalogSettings.fromJson(node.json());
            Catalog.defaults().configure(settings);
            return settings;
        } catch (CatalogSettingsException e) {
            throw new ContextException(node.key() + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private Slack slack(ContextNode node) {
        node.requireObject(Set.of("secretName", "kmsKeyArn", "defaultChannel", "routes"));
        ContextNode secret = node.field("secretName");
        String secretName = secret.text("the name or ARN of a Secrets Manager secret");
        if (secretName.startsWith("https://") || secretName.startsWith("xox")) {
            throw new ContextException(secret.key(), "the name of a Secrets Manager secret, not the webhook URL or"
                    + " token itself: store that in Secrets Manager and never in cdk.json");
        }
        if (!SECRET_NAME.matcher(secretName).matches() && !secretName.startsWith("arn:")) {
            throw new ContextException(secret.key(), "a Secrets Manager secret name", secretName);
        }
        String channelForm = "a Slack channel id such as C0123456789";
        List<SlackRoute> routes = node.field("routes").list((route, i) -> {
            route.requireObject(Set.of("channel", "accounts", "categories", "severities"));
            return new SlackRoute(route.field("channel").text(CHANNEL, channelForm),
                    route.field("accounts").list((a, j) -> a.text(ACCOUNT_ID, "a 12-digit AWS account id")),
                    route.field("categories").list((c, j) -> oneOf(c, Arrays.stream(Category.values())
                            .map(Category::id).toList())),
                    route.field("severities").list((s, j) -> oneOf(s, Arrays.stream(Severity.values())
                            .map(Severity::name).toList())));
        });
        return new Slack(secretName,
                node.field("kmsKeyArn").optionalText(KMS_KEY_ARN, "the ARN of the KMS key that encrypts the secret"),
                node.field("defaultChannel").optionalText(CHANNEL, channelForm), routes);
    }

    private static String oneOf(ContextNode node, List<String> allowed) {
        String value = node.text("one of " + allowed);
        if (!allowed.contains(value)) {
            throw new ContextException(node.key(), "one of " + allowed, "\"" + value + "\"");
        }
        return value;
    }

    private static Alerts alerts(ContextNode node) {
        if (node.isAbsent()) {
            return Alerts.defaults();
        }
        node.requireObject(Set.of("mentionHereOnCritical", "muteAutomation", "batchSize", "batchWindowSeconds",
                "maxConcurrency", "maxReceiveCount", "groupThreshold", "postsPerSecond", "burst", "suppress",
                "digestSchedule", "digestTimezone", "threadHours", "groupWindowMinutes", "deploymentRoles",
                "deploymentLowersSeverity", "firstSeenDays", "organizationAccounts"));
        // Lambda's limits for an SQS event source: batch 1–10,000, window 0–300 s, concurrency 2–1,000.
        int batchSize = node.field("batchSize").integer(Alerts.DEFAULT_BATCH_SIZE, 1, 10_000);
        ContextNode windowNode = node.field("batchWindowSeconds");
        int window = windowNode.integer(Alerts.DEFAULT_BATCH_WINDOW_SECONDS, 0, 300);
        if (batchSize > 10 && window == 0) {
            throw new ContextException(windowNode.key(), "at least 1 second when alerts.batchSize is above 10"
                    + " (Lambda requires a batching window for batches of more than 10)", window);
        }
        ContextNode rateNode = node.field("postsPerSecond");
        double postsPerSecond = rateNode.isAbsent() ? Alerts.DEFAULT_POSTS_PER_SECOND : rateNode.json().asDouble(-1);
        if (!rateNode.isAbsent() && (!rateNode.json().isNumber() || postsPerSecond <= 0 || postsPerSecond > 10)) {
            throw new ContextException(rateNode.key(), "a number of posts per second above 0 and at most 10",
                    rateNode.json());
        }
        return new Alerts(node.field("mentionHereOnCritical").bool(false), node.field("muteAutomation").bool(false),
                batchSize, window, node.field("maxConcurrency").integer(Alerts.DEFAULT_MAX_CONCURRENCY, 2, 1000),
                node.field("maxReceiveCount").integer(Alerts.DEFAULT_MAX_RECEIVE_COUNT, 1, 1000),
                node.field("groupThreshold").integer(Alerts.DEFAULT_GROUP_THRESHOLD, 1, 1000), postsPerSecond,
                node.field("burst").integer(Alerts.DEFAULT_BURST, 1, 20), suppress(node),
                // Slack keeps a thread open forever; a week bounds what an old incident pulls in.
                node.field("threadHours").integer(Alerts.DEFAULT_THREAD_HOURS, 1, 168),
                node.field("groupWindowMinutes").integer(Alerts.DEFAULT_GROUP_WINDOW_MINUTES, 1, 1440),
                node.field("deploymentRoles").list((role, i) -> role.text(ROLE_PATTERN,
                        "an IAM role name, or a prefix ending in * (cdk-hnb659fds-cfn-exec-role-*)")),
                node.field("deploymentLowersSeverity").bool(true),
                node.field("firstSeenDays").integer(Alerts.DEFAULT_FIRST_SEEN_DAYS, 0, 3650),
                organizationAccounts(node.field("organizationAccounts")));
    }

    /** {@code alerts.organizationAccounts}: account ids, each once. */
    private static List<String> organizationAccounts(ContextNode node) {
        Set<String> seen = new HashSet<>();
        return node.list((account, i) -> {
            String id = account.text(ACCOUNT_ID, "a 12-digit AWS account id in quotes");
            if (!seen.add(id)) {
                throw new ContextException(account.key(), "account " + id + " is listed twice");
            }
            return id;
        });
    }

    private static Suppress suppress(ContextNode alerts) {
        ContextNode list = alerts.field("suppress");
        Suppressions entries;
        try {
            entries = Suppressions.fromJson(list.isAbsent() ? null : list.json());
        } catch (SuppressionFormatException e) {
            throw new ContextException(e.field().startsWith("[") ? list.key() + e.field() : list.key(), e.problem());
        }
        ContextNode schedule = alerts.field("digestSchedule");
        ContextNode zone = alerts.field("digestTimezone");
        return new Suppress(entries, list.isAbsent() ? NullNode.getInstance() : list.json(),
                schedule.isAbsent() ? Alerts.DEFAULT_DIGEST_SCHEDULE : cron(schedule),
                zone.isAbsent() ? Alerts.DEFAULT_DIGEST_TIMEZONE : timezone(zone));
    }

    private static int retentionDays(ContextNode node) {
        int days = node.integer(400, 1, 3653);
        if (!LOG_RETENTION_DAYS.contains(days)) {
            throw new ContextException(node.key(), "a CloudWatch Logs retention period, one of "
                    + LOG_RETENTION_DAYS.stream().sorted().toList(), days);
        }
        return days;
    }

    /**
     * The remediation keys, read and checked by the remediation policy's own parser: the one the Lambda and the plan
     * CLI use, so synth accepts exactly what the Lambda runs with. Its errors already name the context key.
     */
    private RemediationContext remediation() {
        ObjectNode keys = JsonNodeFactory.instance.objectNode();
        for (String key : PolicyParser.CONTEXT_KEYS) {
            ContextNode node = node(key);
            if (!node.isAbsent()) {
                keys.set(key, node.json());
            }
        }
        try {
            return PolicyParser.parseContext(keys);
        } catch (PolicyException e) {
            throw new ContextException(e.key(), e.problem());
        }
    }

    private HubMemberCheck hubMemberCheck(String centralRegion) {
        ContextNode node = node("hubMemberCheck");
        if (!node.isAbsent()) {
            node.requireObject(Set.of("schedule", "timezone", "regions", "readOrganizations",
                    "snapshotRetentionDays", "bucketName"));
        }
        ContextNode schedule = node.field("schedule");
        String cron = schedule.isAbsent() ? "cron(00 11 ? * MON-FRI *)" : cron(schedule);
        ContextNode zone = node.field("timezone");
        String timezone = zone.isAbsent() ? "Asia/Tokyo" : timezone(zone);
        List<String> regions = node.field("regions").list((r, i) -> region(r));
        return new HubMemberCheck(cron, timezone, regions.isEmpty() ? List.of(centralRegion) : regions,
                node.field("readOrganizations").bool(true), node.field("snapshotRetentionDays").integer(400, 1, 36500),
                node.field("bucketName").optionalText(Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"),
                        "an S3 bucket name"));
    }

    /** EventBridge Scheduler cron: six fields, and day-of-month or day-of-week must be '?'. */
    private static String cron(ContextNode node) {
        String expected = "cron(minutes hours day-of-month month day-of-week year), e.g. cron(00 11 ? * MON-FRI *)";
        String text = node.text(expected);
        var matcher = CRON.matcher(text);
        if (!matcher.matches()) {
            throw new ContextException(node.key(), expected, text);
        }
        String[] fields = matcher.group(1).trim().split("\\s+");
        boolean wellFormed = fields.length == 6 && Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches())
                && (fields[2].equals("?") ^ fields[4].equals("?"));
        if (!wellFormed) {
            throw new ContextException(node.key(), expected + " with exactly one of day-of-month and day-of-week"
                    + " set to ?", text);
        }
        return text;
    }

    private static String timezone(ContextNode node) {
        String text = node.text("an IANA time zone such as Asia/Tokyo");
        try {
            ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ContextException(node.key(), "an IANA time zone such as Asia/Tokyo", text);
        }
        if (!text.contains("/") && !text.equals("UTC")) {
            throw new ContextException(node.key(), "an IANA time zone such as Asia/Tokyo (not an offset)", text);
        }
        return text;
    }

    private static OpenSearch openSearch(ContextNode node) {
        if (!node.isAbsent()) {
            node.requireObject(Set.of("engineVersion", "instanceType", "instanceCount", "volumeSizeGiB",
                    "retentionDays", "vpcId", "subnetIds", "dashboardsUrl", "auditorRoleArns"));
        }
        Optional<String> vpcId = node.field("vpcId").optionalText(VPC_ID, "a VPC id such as vpc-0123456789abcdef0");
        List<String> subnetIds = node.field("subnetIds").list((subnet, i) ->
                subnet.text(SUBNET_ID, "a subnet id such as subnet-0123456789abcdef0"));
        if (vpcId.isPresent() && subnetIds.isEmpty()) {
            throw new ContextException(node.key() + ".subnetIds", "the private subnet ids of vpcId "
                    + vpcId.get() + " (at least one; two in different zones for a multi-node domain)");
        }
        if (vpcId.isEmpty() && !subnetIds.isEmpty()) {
            throw new ContextException(node.key() + ".vpcId", "the VPC that the subnetIds belong to");
        }
        int instanceCount = node.field("instanceCount").integer(1, 1, 80);
        // A multi-node domain spreads over one subnet per zone: 2 or 3 zones, and the same node count in each.
        // The VPC the stack creates has two subnets.
        int zones = vpcId.isPresent() ? subnetIds.size() : 2;
        if (instanceCount > 1 && (zones < 2 || zones > 3)) {
            throw new ContextException(node.key() + ".subnetIds", "2 or 3 subnets in different zones for a"
                    + " multi-node domain", subnetIds.size() + " subnet(s)");
        }
        if (instanceCount > 1 && instanceCount % zones != 0) {
            throw new ContextException(node.key() + ".instanceCount", "a multiple of the " + zones
                    + " availability zones the domain spans", Integer.toString(instanceCount));
        }
        return new OpenSearch(
                node.field("engineVersion").textOr("OpenSearch_2.19", ENGINE, "an OpenSearch 2.x engine such as"
                        + " OpenSearch_2.19 (flat_object needs 2.7 or later)"),
                node.field("instanceType").textOr("t3.small.search", INSTANCE_TYPE,
                        "an OpenSearch instance type such as t3.small.search"),
                instanceCount,
                node.field("volumeSizeGiB").integer(20, 10, 16384),
                node.field("retentionDays").integer(400, 1, 36500),
                vpcId, subnetIds,
                node.field("dashboardsUrl").optionalText(HTTPS_URL, "an https:// URL"),
                node.field("auditorRoleArns").list((arn, i) ->
                        arn.text(ROLE_ARN, "an IAM role ARN such as arn:aws:iam::123456789012:role/Auditor")));
    }
}
