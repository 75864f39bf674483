package dev.securitywatch.infra.central;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import dev.securitywatch.infra.common.CfnPatterns;
import dev.securitywatch.infra.common.DeadLetterQueue;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import dev.securitywatch.infra.member.ForwardingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import dev.securitywatch.infra.common.HealthAlarms;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.IncludeDetail;
import software.amazon.awscdk.services.events.Level;
import software.amazon.awscdk.services.events.LogConfig;
import software.amazon.awscdk.services.logs.CfnDelivery;
import software.amazon.awscdk.services.logs.CfnDeliveryDestination;
import software.amazon.awscdk.services.logs.CfnDeliverySource;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.StarPrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The central security account: the bus every member forwards to, and the two paths out of it, SNS for alerts and
 * a CloudWatch Logs group for the audit index. The notifier, OpenSearch and membership check attach here.
 */
public final class CentralStack extends Stack {
    static final String FORWARDED_EVENTS_RULE = "security-watch-forwarded-events";
    static final String HEARTBEATS_RULE = "security-watch-heartbeats";
    private final EventBus bus;
    private final Key alertsKey;
    private final Topic alertsTopic;
    private final LogGroup eventsLog;
    private final Rule forwardedEvents;
    private final DeadLetterQueue deliveryDeadLetters;
    private final Notifier notifier;
    private final MembershipWatch membershipWatch;
    private final AuditIndex auditIndex;
    private final Health health;

    public CentralStack(Construct scope, String id, StackProps props, SecurityWatchConfig config, Catalog catalog) {
        super(scope, id, props);

        bus = EventBus.Builder.create(this, "Bus").eventBusName(config.centralBusName())
                .description("Security Watch: security events forwarded from every member account and region")
                .logConfig(LogConfig.builder().level(Level.ERROR).includeDetail(IncludeDetail.FULL).build())
                .build();
        bus.addToResourcePolicy(busPolicy(config));
        logBusErrors();

        alertsKey = Key.Builder.create(this, "AlertsKey")
                .description("Security Watch: encrypts the alerts topic")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        alertsTopic = Topic.Builder.create(this, "AlertsTopic")
                .displayName("Security Watch alerts")
                .masterKey(alertsKey)
                .enforceSsl(true)
                .build();

        eventsLog = LogGroup.Builder.create(this, "EventsLog")
                .logGroupName("/security-watch/events")
                .retention(RetentionDays.INFINITE)
                // Retained on delete, not after a failed first create: a retry would find the fixed name taken.
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        // The L2 takes an enum; the context key is a number of days, already checked against what Logs accepts.
        ((CfnLogGroup) eventsLog.getNode().getDefaultChild()).setRetentionInDays(config.eventsLogRetentionDays());

        deliveryDeadLetters = new DeadLetterQueue(this, "DeliveryDeadLetters",
                "delivering a forwarded event to the alerts topic or the events log");
        forwardedEvents = Rule.Builder.create(this, "ForwardedEvents")
                .ruleName(FORWARDED_EVENTS_RULE)
                .description("Security Watch: every forwarded event to alerts (SNS) and audit (CloudWatch Logs)")
                .eventBus(bus)
                .eventPattern(EventPattern.builder().source(List.of("security-watch.placeholder")).build())
                .targets(List.of(
                        // Published through a role of this rule: a service-principal grant on the topic and its
                        // key would let any account's EventBridge rule post forged alerts to the channel.
                        new SnsTopic(alertsTopic, SnsTopicProps.builder().authorizeUsingRole(true)
                                .deadLetterQueue(deliveryDeadLetters.queue()).build()),
                        new EventsLogTarget(eventsLog, deliveryDeadLetters.queue())))
                .build();
        NagSuppressions.addResourceSuppressions(forwardedEvents, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The rule's publishing role may use the alerts key for SNS's envelope encryption, which needs"
                        + " kms:GenerateDataKey* (the family of data-key calls SNS picks from); it is scoped to that"
                        + " one key's ARN.")
                .appliesTo(List.of("Action::kms:GenerateDataKey*")).build()), true);
        // The L2 pattern type cannot express prefix matches; the catalog's own JSON is what must be deployed.
        ((CfnRule) forwardedEvents.getNode().getDefaultChild())
                .addPropertyOverride("EventPattern", CfnPatterns.toMap(ForwardingPatterns.centralBusPattern(catalog)));
        // Heartbeats go to the notifier's tracker through the alerts topic, never to the audit log.
        Rule heartbeats = Rule.Builder.create(this, "Heartbeats")
                .ruleName(HEARTBEATS_RULE)
                .description("Security Watch: member canaries' heartbeats to the notifier's heartbeat tracker")
                .eventBus(bus)
                .eventPattern(EventPattern.builder().source(List.of("security-watch.placeholder")).build())
                .targets(List.of(new SnsTopic(alertsTopic, SnsTopicProps.builder().authorizeUsingRole(true)
                        .deadLetterQueue(deliveryDeadLetters.queue()).build())))
                .build();
        ((CfnRule) heartbeats.getNode().getDefaultChild()).addPropertyOverride("EventPattern",
                CfnPatterns.toMap(ForwardingPatterns.centralHeartbeatPattern(catalog)));
        NagSuppressions.addResourceSuppressions(heartbeats, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("As for the forwarded-events rule: SNS's envelope encryption needs kms:GenerateDataKey*,"
                        + " scoped to the alerts key's ARN.")
                .appliesTo(List.of("Action::kms:GenerateDataKey*")).build()), true);

        // What the forwarding rule takes, kept for a replay after an outage (README, "Replaying after an outage").
        Archive archive = bus.archive("Archive", BaseArchiveProps.builder()
                .description("Security Watch: every forwarded event, for a replay after an outage")
                .eventPattern(EventPattern.builder().source(List.of("security-watch.placeholder")).build())
                .retention(software.amazon.awscdk.Duration.days(config.health().archiveRetentionDays()))
                .build());
        ((CfnArchive) archive.getNode().getDefaultChild())
                .addPropertyOverride("EventPattern", CfnPatterns.toMap(ForwardingPatterns.centralBusPattern(catalog)));
        CfnOutput.Builder.create(this, "EventArchiveArn").value(archive.getArchiveArn())
                .description("Replay source after an outage: aws events start-replay --event-source-arn <the bus>"
                        + " --destination Arn=<the bus>,FilterArns=<ForwardedEventsRuleArn>").build();
        CfnOutput.Builder.create(this, "ForwardedEventsRuleArn").value(forwardedEvents.getRuleArn())
                .description("The one rule a replay should re-run: alerts and the audit log").build();

        onlyForItsRule(forwardedEvents, config.centralBusName(), FORWARDED_EVENTS_RULE);
        onlyForItsRule(heartbeats, config.centralBusName(), HEARTBEATS_RULE);

        health = new Health(this, "Health", config.health(), alertsKey);
        ISecret slackSecret = SlackSecret.reference(this, config.slack());
        membershipWatch = new MembershipWatch(this, "MembershipWatch", config, slackSecret);
        List<IKey> ownKeys = new ArrayList<>(List.of(alertsKey));
        membershipWatch.key().ifPresent(ownKeys::add);
        notifier = new Notifier(this, "Notifier", config, alertsTopic, health.topic(), alertsKey, slackSecret,
                membershipWatch.bucket(), ownKeys);
        membershipWatch.grantCoverage(notifier.function().role());
        auditIndex = new AuditIndex(this, "AuditIndex", config, eventsLog);
        new HealthDashboard(this, "HealthDashboard", forwardedEvents, notifier.queue());
        new FloodWatch(this, "FloodWatch", eventsLog, config.health().floodEventsPer5Minutes());
        // Last, so that every alarm above is wired, and synth fails for one that is not.
        HealthAlarms.notify(this, health.topic());
    }

    /**
     * The role a rule publishes to the alerts topic with may be assumed by EventBridge for that rule only: named
     * rules, so the ARN is known without a reference cycle between rule and role.
     */
    private void onlyForItsRule(Rule rule, String busName, String ruleName) {
        CfnRole role = (CfnRole) rule.getNode().findChild("EventsRole").getNode().getDefaultChild();
        role.addPropertyOverride("AssumeRolePolicyDocument.Statement.0.Condition", Map.of(
                "StringEquals", Map.of("aws:SourceAccount", getAccount()),
                "ArnEquals", Map.of("aws:SourceArn", "arn:" + getPartition() + ":events:" + getRegion() + ":"
                        + getAccount() + ":rule/" + busName + "/" + ruleName)));
    }

    /**
     * The bus's own errors (a target it could not reach, a throttled put) in a log group: the failures that happen
     * before any rule's dead-letter queue sees an event.
     */
    private void logBusErrors() {
        LogGroup errors = LogGroup.Builder.create(this, "BusErrorLog")
                .logGroupName("/aws/vendedlogs/events/security-watch-bus-errors")
                .retention(RetentionDays.THREE_MONTHS)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnDeliverySource source = CfnDeliverySource.Builder.create(this, "BusErrorLogSource")
                .name("security-watch-bus-errors")
                .resourceArn(bus.getEventBusArn())
                .logType("ERROR_LOGS")
                .build();
        CfnDeliveryDestination destination = CfnDeliveryDestination.Builder.create(this, "BusErrorLogDestination")
                .name("security-watch-bus-errors")
                .destinationResourceArn(errors.getLogGroupArn())
                .build();
        CfnDelivery delivery = CfnDelivery.Builder.create(this, "BusErrorLogDelivery")
                .deliverySourceName(source.getName())
                .deliveryDestinationArn(destination.getAttrArn())
                .build();
        delivery.addDependency(source);
    }

    /**
     * Only the member forwarding roles may put events on the bus: not any principal of a member account (or of the
     * organization), which could otherwise post forged events straight onto it. With an organization, a forwarding
     * role of any of its accounts; without, exactly the configured accounts' roles in their configured regions.
     */
    private PolicyStatement busPolicy(SecurityWatchConfig config) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of(bus.getEventBusArn()))
                .principals(List.of(new StarPrincipal()));
        String partition = getPartition();
        if (config.organizationId().isPresent()) {
            return statement.sid("AllowOrganizationForwardingRoles")
                    .conditions(Map.of(
                            "StringEquals", Map.of("aws:PrincipalOrgID", config.organizationId().get()),
                            "ArnLike", Map.of("aws:PrincipalArn", "arn:" + partition + ":iam::*:role/"
                                    + ForwardingRules.ROLE_NAME_PREFIX + "*")))
                    .build();
        }
        List<String> roles = new ArrayList<>();
        config.memberAccounts().forEach(member -> member.regions().forEach(region -> roles.add(
                "arn:" + partition + ":iam::" + member.id() + ":role/" + ForwardingRules.ROLE_NAME_PREFIX + region)));
        return statement.sid("AllowMemberForwardingRoles")
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:PrincipalAccount", config.memberAccounts().stream()
                                .map(m -> m.id()).toList()),
                        "ArnEquals", Map.of("aws:PrincipalArn", roles)))
                .build();
    }



    public EventBus bus() {
        return bus;
    }

    public Topic alertsTopic() {
        return alertsTopic;
    }

    public Key alertsKey() {
        return alertsKey;
    }

    public LogGroup eventsLog() {
        return eventsLog;
    }

    public Rule forwardedEvents() {
        return forwardedEvents;
    }

    public AuditIndex auditIndex() {
        return auditIndex;
    }

    public MembershipWatch membershipWatch() {
        return membershipWatch;
    }

    public Health health() {
        return health;
    }

    public Notifier notifier() {
        return notifier;
    }

    public DeadLetterQueue deliveryDeadLetters() {
        return deliveryDeadLetters;
    }
}
