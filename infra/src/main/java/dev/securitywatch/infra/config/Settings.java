package dev.securitywatch.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.remediation.policy.RemediationContext;
import dev.securitywatch.remediation.policy.RemediationMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed records that {@link ContextReader} builds from cdk.json context. */
public final class Settings {
    private Settings() {
    }

    /**
     * One member account and the regions its forwarding rules (and remediator) run in. Its own
     * {@code remediationMode}, if any, is part of {@link SecurityWatchConfig#remediation()}.
     */
    public record MemberAccount(String id, String name, List<String> regions) {
        public MemberAccount {
            regions = List.copyOf(regions);
        }
    }

    /** A rule for sending a message to a channel other than the default; absent selectors match everything. */
    public record SlackRoute(String channel, List<String> accounts, List<String> categories, List<String> severities) {
        public SlackRoute {
            accounts = List.copyOf(accounts);
            categories = List.copyOf(categories);
            severities = List.copyOf(severities);
        }
    }

    /**
     * @param secretName the Secrets Manager secret holding a webhook URL or a bot token; never the value itself
     * @param kmsKeyArn  the customer managed key encrypting that secret, when it is not the AWS managed key
     */
    public record Slack(String secretName, Optional<String> kmsKeyArn, Optional<String> defaultChannel,
                        List<SlackRoute> routes) {
        public Slack {
            routes = List.copyOf(routes);
        }
    }

    /**
     * @param batchSize           events the notifier takes from its queue per invocation (at most)
     * @param batchWindowSeconds  how long the queue gathers a batch before invoking the notifier
     * @param maxConcurrency      notifier invocations at once: the channel's pace, not Lambda, sets the speed
     * @param maxReceiveCount     deliveries of one event before it moves to the dead-letter queue
     * @param groupThreshold      a group of more alerts than this becomes one summary
     * @param postsPerSecond      the pace per Slack channel (Slack allows about one message per second)
     * @param burst               posts a channel may take at once before the pace applies
     * @param suppress            the {@code alerts.suppress} entries and their weekly digest
     * @param threadHours         bot-token mode: later alerts about a resource reply in its thread for this long
     * @param groupWindowMinutes  bot-token mode: a group's later events join its summary's thread for this long
     *                            after its latest
     * @param deploymentRoles     roles deployments run as (exact names, or a prefix ending in *): their changes
     *                            read "Made via deployment"
     * @param deploymentLowersSeverity a deployment's change drops one severity level (never from CRITICAL)
     * @param firstSeenDays       the first-seen badge's window in days; 0 turns it off
     * @param organizationAccounts accounts of the organization that are not members (a log archive, a backup
     *                            account): a snapshot or image shared with them stays inside, like one shared with a
     *                            member; the membership watch's inventory adds the organization's active accounts
     */
    public record Alerts(boolean mentionHereOnCritical, boolean muteAutomation, int batchSize,
                         int batchWindowSeconds, int maxConcurrency, int maxReceiveCount, int groupThreshold,
                         double postsPerSecond, int burst, Suppress suppress, int threadHours,
                         int groupWindowMinutes, List<String> deploymentRoles, boolean deploymentLowersSeverity,
                         int firstSeenDays, List<String> organizationAccounts) {
        public static final String DEFAULT_DIGEST_SCHEDULE = "cron(00 09 ? * MON *)";
        public static final String DEFAULT_DIGEST_TIMEZONE = "UTC";
        public static final int DEFAULT_BATCH_SIZE = 1000;
        public static final int DEFAULT_BATCH_WINDOW_SECONDS = 10;
        public static final int DEFAULT_MAX_CONCURRENCY = 2;
        public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
        public static final int DEFAULT_GROUP_THRESHOLD = 3;
        public static final double DEFAULT_POSTS_PER_SECOND = 1;
        public static final int DEFAULT_BURST = 3;
        public static final int DEFAULT_THREAD_HOURS = 24;
        public static final int DEFAULT_GROUP_WINDOW_MINUTES = 15;
        public static final int DEFAULT_FIRST_SEEN_DAYS = 90;

        public static Alerts defaults() {
            return new Alerts(false, false, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WINDOW_SECONDS, DEFAULT_MAX_CONCURRENCY,
                    DEFAULT_MAX_RECEIVE_COUNT, DEFAULT_GROUP_THRESHOLD, DEFAULT_POSTS_PER_SECOND, DEFAULT_BURST,
                    Suppress.NONE, DEFAULT_THREAD_HOURS, DEFAULT_GROUP_WINDOW_MINUTES, List.of(), true,
                    DEFAULT_FIRST_SEEN_DAYS, List.of());
        }
    }

    /**
     * @param entries        the suppressions, as the notifier will apply them
     * @param json           the same list as written in context: the notifier's {@code SUPPRESSIONS}
     * @param digestSchedule the weekly digest's EventBridge Scheduler cron, evaluated in {@code digestTimezone}
     */
    public record Suppress(Suppressions entries, JsonNode json, String digestSchedule, String digestTimezone) {
        public static final Suppress NONE = new Suppress(Suppressions.NONE, NullNode.getInstance(),
                Alerts.DEFAULT_DIGEST_SCHEDULE, Alerts.DEFAULT_DIGEST_TIMEZONE);
    }

    /** @param schedule an EventBridge Scheduler cron expression, evaluated in {@code timezone} */
    public record HubMemberCheck(String schedule, String timezone, List<String> regions, boolean readOrganizations,
                                 int snapshotRetentionDays, Optional<String> bucketName) {
        public HubMemberCheck {
            regions = List.copyOf(regions);
        }
    }

    /** @param subnetIds with {@code vpcId}: the private subnets to use, so no VPC lookup (and no credentials) */
    public record OpenSearch(String engineVersion, String instanceType, int instanceCount, int volumeSizeGiB,
                             int retentionDays, Optional<String> vpcId, List<String> subnetIds,
                             Optional<String> dashboardsUrl, List<String> auditorRoleArns) {
        public OpenSearch {
            subnetIds = List.copyOf(subnetIds);
            auditorRoleArns = List.copyOf(auditorRoleArns);
        }
    }

    /**
     * The pipeline's own health.
     *
     * @param emails               addresses the health topic mails (each confirms its subscription once): they hear
     *                             about a broken notifier even when Slack is what broke
     * @param slackChannel         where health messages go in bot-token mode, else the default channel
     * @param archiveRetentionDays how long the central bus's archive keeps events for a replay after an outage
     * @param canaryMinutes        how often every member region's canary sends a heartbeat; a path is silent after
     *                             two intervals without one
     * @param coverageSchedule     when the daily coverage report runs (EventBridge Scheduler cron, in
     *                             {@code coverageTimezone})
     * @param floodEventsPer5Minutes one account forwarding more than this in five minutes raises the flood alarm
     */
    public record Health(List<String> emails, Optional<String> slackChannel, int archiveRetentionDays,
                         int canaryMinutes, String coverageSchedule, String coverageTimezone,
                         int floodEventsPer5Minutes) {
        public static final int DEFAULT_ARCHIVE_RETENTION_DAYS = 30;
        public static final int DEFAULT_CANARY_MINUTES = 15;
        public static final String DEFAULT_COVERAGE_SCHEDULE = "cron(00 09 * * ? *)";
        public static final String DEFAULT_COVERAGE_TIMEZONE = "UTC";
        /** A terraform apply of a few hundred resources stays below; a scripted flood does not. */
        public static final int DEFAULT_FLOOD_EVENTS_PER_5_MINUTES = 1000;

        public Health {
            emails = List.copyOf(emails);
        }

        public static Health defaults() {
            return new Health(List.of(), Optional.empty(), DEFAULT_ARCHIVE_RETENTION_DAYS, DEFAULT_CANARY_MINUTES,
                    DEFAULT_COVERAGE_SCHEDULE, DEFAULT_COVERAGE_TIMEZONE, DEFAULT_FLOOD_EVENTS_PER_5_MINUTES);
        }
    }

    /**
     * {@code deployment.mode: stackset}: the member side as one SERVICE_MANAGED StackSet that CloudFormation deploys to
     * every account of the organizational units, in every listed region, and to every account that joins them later.
     *
     * @param administratorAccount the account the StackSet stack is deployed to: the management account
     *                             ({@code callAs SELF}) or a delegated StackSets administrator
     * @param callAs               {@code SELF} or {@code DELEGATED_ADMIN}
     * @param organizationalUnits  the targets: OU ids ({@code ou-...}) or the root ({@code r-...})
     * @param regions              the regions of every target account (an explicit list, see the README)
     * @param retainStacksOnAccountRemoval keep an account's stacks when it leaves the OUs (else they are deleted)
     */
    public record StackSetDeployment(String administratorAccount, String callAs, List<String> organizationalUnits,
                                     List<String> regions, boolean retainStacksOnAccountRemoval,
                                     OperationPreferences preferences) {
        public static final String SELF = "SELF";
        public static final String DELEGATED_ADMIN = "DELEGATED_ADMIN";

        public StackSetDeployment {
            organizationalUnits = List.copyOf(organizationalUnits);
            regions = List.copyOf(regions);
        }
    }

    /**
     * How fast a StackSet operation rolls out. The defaults roll a quarter of the accounts at once, regions in
     * parallel, and stop a region after a tenth of its accounts fail, without capping concurrency at the failure
     * tolerance (SOFT_FAILURE_TOLERANCE).
     */
    public record OperationPreferences(int maxConcurrentPercentage, int failureTolerancePercentage,
                                       String regionConcurrencyType, String concurrencyMode) {
        public static final OperationPreferences DEFAULTS = new OperationPreferences(25, 10, "PARALLEL",
                "SOFT_FAILURE_TOLERANCE");
    }

    /** Everything a deployment is configured with. */
    public record SecurityWatchConfig(String securityAccount, String centralRegion, Optional<String> organizationId,
                                      String centralBusName, List<MemberAccount> memberAccounts, Slack slack,
                                      Alerts alerts, CatalogSettings catalog, JsonNode catalogJson,
                                      int eventsLogRetentionDays, RemediationContext remediation,
                                      HubMemberCheck hubMemberCheck, OpenSearch openSearch,
                                      Map<String, String> accountNames, Health health,
                                      Optional<StackSetDeployment> stackSet) {
        public SecurityWatchConfig {
            memberAccounts = List.copyOf(memberAccounts);
            accountNames = Map.copyOf(accountNames);
        }

        /** {@code deployment.mode: stackset}: the member side is the organization's StackSet. */
        public boolean isStackSet() {
            return stackSet.isPresent();
        }

        /** The mode for one member account: its own setting, else the global one. */
        public RemediationMode remediationModeFor(MemberAccount account) {
            return remediation.modeFor(account.id());
        }
    }
}
