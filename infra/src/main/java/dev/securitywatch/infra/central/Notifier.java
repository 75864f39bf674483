package dev.securitywatch.infra.central;

import dev.securitywatch.infra.common.DeadLetterQueue;
import dev.securitywatch.infra.common.ScheduledInvocation;
import java.util.Optional;
import dev.securitywatch.infra.stackset.StackSetTemplate;
import dev.securitywatch.infra.config.Settings.Alerts;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.config.Settings.Suppress;
import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.catalog.suppression.Suppressions;
import java.time.Instant;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import dev.securitywatch.infra.lambda.JavaFunction;
import dev.securitywatch.infra.lambda.LambdaEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * SNS to Slack through a buffer AWS runs: the alerts topic feeds an SQS queue (encrypted under the alerts key), and
 * the notifier (through its alias) takes batches from it at a small fixed concurrency, so Slack's pace, not
 * Lambda's, sets the speed. Events the notifier reports as failed return to the queue; after
 * {@code alerts.maxReceiveCount} deliveries they move to the dead-letter queue, from which an SQS message move task
 * replays them.
 */
public final class Notifier extends Construct {
    static final String HANDLER = "dev.securitywatch.notifier.handler.NotifierHandler::handleRequest";
    /** Powertools' service name: the {@code Service} dimension of the notifier's metrics. */
    static final String SERVICE_NAME = "security-watch-notifier";
    /** Room to pace a batch's posts at about one per second per channel. */
    static final Duration TIMEOUT = Duration.seconds(120);
    /** Longer than a paced burst takes, shorter than anyone should wait for an alert. */
    static final Duration MAX_WAIT = Duration.minutes(15);
    /** Synth warns about suppressions that end this soon. */
    static final java.time.Duration EXPIRY_WARNING = java.time.Duration.ofDays(7);

    private final JavaFunction function;
    private final Table dedupTable;
    private final Table heartbeatTable;
    private final Queue queue;
    private final DeadLetterQueue deadLetters;

    /**
     * @param coverageBucket where the coverage check reads the organization and keeps its daily report
     * @param ownKeys        Security Watch's KMS keys: a change to one is CRITICAL, as for its other resources
     */
    public Notifier(Construct scope, String id, SecurityWatchConfig config, ITopic alerts, ITopic health,
                    IKey alertsKey, ISecret slackSecret, IBucket coverageBucket, List<IKey> ownKeys) {
        super(scope, id);
        Alerts settings = config.alerts();
        dedupTable = table("Dedup");
        // The last heartbeat per member path; a table of its own, so the check's scan reads paths only.
        heartbeatTable = table("Heartbeats");

        Map<String, String> env = new LinkedHashMap<>(LambdaEnvironment.shared(config));
        // Settings that grow with the deployment (an entry per account, per suppression): 200 (account, region)
        // pairs took the environment past Lambda's 4 KB.
        Map<String, String> fileSettings = new LinkedHashMap<>(LambdaEnvironment.accountNames(config));
        env.putAll(LambdaEnvironment.slack(config));
        env.put("DEDUP_TABLE_NAME", dedupTable.getTableName());
        env.put("HEARTBEAT_TABLE_NAME", heartbeatTable.getTableName());
        env.put("COVERAGE_BUCKET", coverageBucket.getBucketName());
        env.put("OWN_KEYS", LambdaEnvironment.json(ownKeys.stream().map(IKey::getKeyArn).toList()));
        env.put("CANARY_MINUTES", Integer.toString(config.health().canaryMinutes()));
        env.put("SECURITY_ACCOUNT", config.securityAccount());
        Map<String, List<String>> memberPaths = new LinkedHashMap<>();
        config.memberAccounts().forEach(member -> memberPaths.put(member.id(), member.regions()));
        fileSettings.put("MEMBER_PATHS", LambdaEnvironment.json(memberPaths));
        // The StackSet's members are not listed here: the coverage check takes them from its instances.
        config.stackSet().ifPresent(deployment -> {
            Map<String, Object> stackSet = new LinkedHashMap<>();
            stackSet.put("name", StackSetTemplate.NAME);
            stackSet.put("regions", deployment.regions());
            env.put("STACKSET", LambdaEnvironment.json(stackSet));
        });
        // A delivery claim must outlive one invocation, and end before the queue shows the event again.
        env.put("DEDUP_LEASE_SECONDS", Long.toString(TIMEOUT.toSeconds().longValue() + 15));
        env.put("MENTION_ON_CRITICAL", Boolean.toString(settings.mentionHereOnCritical()));
        env.put("MUTE_AUTOMATION", Boolean.toString(settings.muteAutomation()));
        if (!settings.deploymentRoles().isEmpty()) {
            env.put("DEPLOYMENT_ROLES", LambdaEnvironment.json(settings.deploymentRoles()));
        }
        env.put("DEPLOYMENT_LOWERS_SEVERITY", Boolean.toString(settings.deploymentLowersSeverity()));
        env.put("FIRST_SEEN_DAYS", Integer.toString(settings.firstSeenDays()));
        if (!settings.organizationAccounts().isEmpty()) {
            fileSettings.put("ORGANIZATION_ACCOUNTS", LambdaEnvironment.json(settings.organizationAccounts()));
        }
        env.put("GROUP_THRESHOLD", Integer.toString(settings.groupThreshold()));
        env.put("THREAD_HOURS", Integer.toString(settings.threadHours()));
        env.put("GROUP_WINDOW_MINUTES", Integer.toString(settings.groupWindowMinutes()));
        env.put("PACE_POSTS_PER_SECOND", Double.toString(settings.postsPerSecond()));
        env.put("PACE_BURST", Integer.toString(settings.burst()));
        // Each of the concurrent invocations keeps this share of the pace, so together they stay within it.
        env.put("PACE_SHARE", Integer.toString(settings.maxConcurrency()));
        config.openSearch().dashboardsUrl().ifPresent(url -> env.put("DASHBOARDS_URL", url));
        Suppress suppress = settings.suppress();
        if (!suppress.entries().isEmpty()) {
            fileSettings.put("SUPPRESSIONS", suppress.json().toString());
        }
        env.put("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);

        function = new JavaFunction(this, "Lambda", JavaFunction.Spec.of("notifier-lambda", HANDLER,
                "Security Watch: renders forwarded security events and posts them to Slack",
                1024, TIMEOUT, env).withFileSettings(fileSettings));
        SlackSecret.grantRead(slackSecret, config.slack(), function.role());
        dedupTable.grant(function.role(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
                "dynamodb:UpdateItem");
        heartbeatTable.grant(function.role(), "dynamodb:UpdateItem", "dynamodb:Scan");

        deadLetters = new DeadLetterQueue(this, "DeadLetters", "posting an alert to Slack", Optional.of(alertsKey));
        queue = Queue.Builder.create(this, "Queue")
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(alertsKey)
                .enforceSsl(true)
                // AWS's guidance for SQS event sources: six times the function timeout, plus the batching window.
                .visibilityTimeout(Duration.seconds(6 * TIMEOUT.toSeconds().intValue() + settings.batchWindowSeconds()))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(software.amazon.awscdk.services.sqs.DeadLetterQueue.builder().queue(deadLetters.queue())
                        .maxReceiveCount(settings.maxReceiveCount()).build())
                .build();
        subscribe(alerts, health, alertsKey);
        // The buffer hides a stuck notifier: alerts waiting this long mean it fails or cannot keep up.
        Alarm.Builder.create(this, "AlertsWaiting")
                .alarmDescription("Security Watch: alerts have waited in the notifier's queue for more than"
                        + " 15 minutes. Check the notifier's errors and the Slack secret; they are delivered once it"
                        + " recovers.")
                .metric(queue.metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(MAX_WAIT.toSeconds())
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();

        SqsEventSourceProps.Builder source = SqsEventSourceProps.builder()
                .batchSize(settings.batchSize())
                .maxConcurrency(settings.maxConcurrency())
                .reportBatchItemFailures(true);
        if (settings.batchWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(settings.batchWindowSeconds()));
        }
        function.alias().addEventSource(new SqsEventSource(queue, source.build()));

        // Every canary interval: which member paths went silent, which came back.
        ScheduledInvocation.create(this, "HeartbeatCheck",
                "Security Watch: which member account and region paths stopped sending heartbeats",
                ScheduleExpression.rate(Duration.minutes(config.health().canaryMinutes())), function.alias(),
                ScheduleTargetInput.fromObject(Map.of("securityWatch", "heartbeat-check")), Optional.empty());
        // Daily: the configured paths not heard from, said again every day while the gap lasts.
        ScheduledInvocation.create(this, "CoverageCheck",
                "Security Watch: daily coverage of the configured member accounts and regions",
                config.health().coverageSchedule(), config.health().coverageTimezone(), function.alias(),
                ScheduleTargetInput.fromObject(Map.of("securityWatch", "coverage-check")), Optional.empty());
        if (!suppress.entries().isEmpty()) {
            scheduleDigest(suppress);
            warnAboutExpiry(suppress.entries(), Instant.now());
        }

        CfnOutput.Builder.create(this, "AlertsQueueArn").value(queue.getQueueArn())
                .description("The notifier's input queue: the destination of a dead-letter redrive").build();
        CfnOutput.Builder.create(this, "AlertsDeadLetterQueueArn").value(deadLetters.queue().getQueueArn())
                .description("Alerts that failed alerts.maxReceiveCount times: replay with"
                        + " aws sqs start-message-move-task --source-arn <this ARN>").build();
    }

    /** A table keyed by the string {@code id}, with the TTL attribute {@code expiresAt}. */
    private Table table(String id) {
        return Table.Builder.create(this, id)
                .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
                .timeToLiveAttribute("expiresAt")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /**
     * The topics' SQS subscriptions (alerts and health), written out rather than through {@code SqsSubscription}:
     * that construct scopes SNS's use of the queue's key to the topic ARN in the key policy, and the topics are
     * themselves encrypted under the same key, which makes a dependency cycle. The key statement is scoped to SNS
     * acting for this account in this region instead; the queue policy still names the two topics.
     */
    private void subscribe(ITopic alerts, ITopic health, IKey alertsKey) {
        Stack stack = Stack.of(this);
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AlertsAndHealthTopicsOnly")
                .principals(List.of(new ServicePrincipal("sns.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn",
                        List.of(alerts.getTopicArn(), health.getTopicArn()))))
                .build());
        alertsKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("SnsEncryptsForTheAlertsQueue")
                .principals(List.of(new ServicePrincipal("sns.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn",
                                "arn:" + stack.getPartition() + ":sns:" + stack.getRegion() + ":" + stack.getAccount()
                                        + ":*")))
                .build());
        Subscription.Builder.create(this, "QueueSubscription")
                .topic(alerts)
                .endpoint(queue.getQueueArn())
                .protocol(SubscriptionProtocol.SQS)
                .build();
        Subscription.Builder.create(this, "HealthQueueSubscription")
                .topic(health)
                .endpoint(queue.getQueueArn())
                .protocol(SubscriptionProtocol.SQS)
                .build();
    }

    /**
     * The weekly digest of the suppressions: the schedule invokes the notifier (asynchronously) with a digest request.
     * A digest that was not posted fails the invocation; Lambda retries it twice, the dedup table keeps a retry from
     * posting it twice, and the function's Errors alarm says when all attempts failed.
     */
    private void scheduleDigest(Suppress suppress) {
        ScheduledInvocation.create(this, "DigestSchedule",
                "Security Watch: weekly digest of alerts.suppress and what each entry hid",
                suppress.digestSchedule(), suppress.digestTimezone(), function.alias(),
                ScheduleTargetInput.fromObject(Map.of("securityWatch", "suppression-digest")), Optional.empty());
    }

    /** Synth says which suppressions stop applying soon, or already have, so the owner can renew or remove them. */
    private void warnAboutExpiry(Suppressions suppressions, Instant now) {
        for (Suppression soon : suppressions.expiringWithin(now, EXPIRY_WARNING)) {
            Annotations.of(this).addWarningV2("security-watch:suppression-expiring", "alerts.suppress entry "
                    + soon.id() + " (owner " + soon.owner() + ") expires on " + soon.expires() + ": renew or"
                    + " remove it; after that the alerts it covers are posted again");
        }
        for (Suppression ended : suppressions.expired(now)) {
            Annotations.of(this).addWarningV2("security-watch:suppression-expired", "alerts.suppress entry "
                    + ended.id() + " (owner " + ended.owner() + ") expired on " + ended.expires() + " and no longer"
                    + " applies: remove it");
        }
    }

    public JavaFunction function() {
        return function;
    }

    public Table dedupTable() {
        return dedupTable;
    }

    public Table heartbeatTable() {
        return heartbeatTable;
    }

    public Queue queue() {
        return queue;
    }

    public DeadLetterQueue deadLetters() {
        return deadLetters;
    }
}
