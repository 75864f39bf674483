package dev.securitywatch.infra.central;

import dev.securitywatch.infra.common.DeadLetterQueue;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.lambda.JavaFunction;
import dev.securitywatch.infra.lambda.LambdaEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscriptionProps;
import software.constructs.Construct;

/**
 * SNS to Slack: the notifier Lambda subscribed (through its alias) to the alerts topic, its dedup table, and the
 * retry and dead-letter path for deliveries that fail.
 */
public final class Notifier extends Construct {
    static final String HANDLER = "dev.securitywatch.notifier.handler.NotifierHandler::handleRequest";
    private static final Duration TIMEOUT = Duration.seconds(30);

    private final JavaFunction function;
    private final Table dedupTable;
    private final DeadLetterQueue deadLetters;

    public Notifier(Construct scope, String id, SecurityWatchConfig config, ITopic alerts, IKey alertsKey,
                    ISecret slackSecret) {
        super(scope, id);
        dedupTable = Table.Builder.create(this, "Dedup")
                .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
                .timeToLiveAttribute("expiresAt")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        Map<String, String> env = new LinkedHashMap<>(LambdaEnvironment.shared(config));
        env.putAll(LambdaEnvironment.slack(config));
        env.put("DEDUP_TABLE_NAME", dedupTable.getTableName());
        // A delivery lease must outlive one invocation but end before Lambda's first async retry.
        env.put("DEDUP_LEASE_SECONDS", Long.toString(TIMEOUT.toSeconds().longValue() + 15));
        env.put("MENTION_ON_CRITICAL", Boolean.toString(config.alerts().mentionHereOnCritical()));
        env.put("MUTE_AUTOMATION", Boolean.toString(config.alerts().muteAutomation()));
        config.openSearch().dashboardsUrl().ifPresent(url -> env.put("DASHBOARDS_URL", url));
        env.put("POWERTOOLS_SERVICE_NAME", "security-watch-notifier");

        function = new JavaFunction(this, "Lambda", JavaFunction.Spec.of("notifier-lambda", HANDLER,
                "Security Watch: renders forwarded security events and posts them to Slack",
                1024, TIMEOUT, env));
        SlackSecret.grantRead(slackSecret, config.slack(), function.role());
        dedupTable.grant(function.role(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");
        alertsKey.grantDecrypt(function.role());

        deadLetters = new DeadLetterQueue(this, "DeadLetters", "posting an alert to Slack");
        function.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(2)
                .maxEventAge(Duration.hours(6))
                .onFailure(new SqsDestination(deadLetters.queue()))
                .build());
        // SNS's own delivery to Lambda can fail too (throttling, a missing alias); its redrive lands in the same queue.
        Subscription subscription = alerts.addSubscription(new LambdaSubscription(function.alias(),
                LambdaSubscriptionProps.builder().deadLetterQueue(deadLetters.queue()).build()));
        Validations.of(subscription).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3694")
                .reason("SNS delivers to a Lambda alias ARN; the alias is what SnapStart restores from.").build());
    }

    public JavaFunction function() {
        return function;
    }

    public Table dedupTable() {
        return dedupTable;
    }

    public DeadLetterQueue deadLetters() {
        return deadLetters;
    }
}
