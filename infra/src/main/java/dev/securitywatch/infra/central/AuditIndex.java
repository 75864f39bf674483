package dev.securitywatch.infra.central;

import dev.securitywatch.infra.common.DeadLetterQueue;
import dev.securitywatch.infra.config.Settings.OpenSearch;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.lambda.JavaFunction;
import dev.securitywatch.infra.lambda.LambdaEnvironment;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.ResourcePolicy;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.logs.SubscriptionFilter;
import software.amazon.awscdk.services.logs.destinations.LambdaDestination;
import software.amazon.awscdk.services.opensearchservice.CfnDomain;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * The audit trail: an OpenSearch domain in private subnets, the indexer Lambda subscribed to the central events log,
 * and a setup custom resource that applies the index template, ISM policy, roles and dashboards on every deploy.
 */
public final class AuditIndex extends Construct {
    public static final String DOMAIN_NAME = "security-watch";
    /** The indexer's POWERTOOLS_SERVICE_NAME: its log lines' {@code service} and its metrics' {@code Service}. */
    static final String INDEXER_SERVICE = "security-watch-indexer";
    static final String INDEXER_HANDLER = "dev.securitywatch.indexer.handler.SubscriptionIndexerHandler::handleRequest";
    static final String SETUP_HANDLER = "dev.securitywatch.indexer.handler.SetupHandler::handleRequest";

    private final IVpc vpc;
    private final SecurityGroup domainSecurityGroup;
    private final SecurityGroup clientSecurityGroup;
    private final CfnDomain domain;
    private final JavaFunction indexer;
    private final JavaFunction setup;
    private final DeadLetterQueue deadLetters;
    private final Alarm failedDocuments;

    public AuditIndex(Construct scope, String id, SecurityWatchConfig config, ILogGroup eventsLog) {
        super(scope, id);
        OpenSearch settings = config.openSearch();
        Stack stack = Stack.of(this);
        vpc = settings.vpcId().isPresent()
                ? PrivateNetwork.existing(this, settings.vpcId().get(), settings.subnetIds())
                : PrivateNetwork.create(this);

        clientSecurityGroup = SecurityGroup.Builder.create(this, "ClientSecurityGroup").vpc(vpc)
                .description("Security Watch: indexer and setup Lambdas").allowAllOutbound(false).build();
        domainSecurityGroup = SecurityGroup.Builder.create(this, "DomainSecurityGroup").vpc(vpc)
                .description("Security Watch: OpenSearch domain, HTTPS from the Security Watch Lambdas only")
                .allowAllOutbound(false).build();
        // Kept with the domain, whose network interfaces use it.
        domainSecurityGroup.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        domainSecurityGroup.addIngressRule(clientSecurityGroup, Port.tcp(443), "HTTPS from Security Watch Lambdas");
        // Written inline: CDK would render this rule as a separate resource and drop its no-traffic placeholder,
        // and CloudFormation then keeps the default allow-all egress next to it.
        ((CfnSecurityGroup) clientSecurityGroup.getNode().getDefaultChild()).addPropertyOverride("SecurityGroupEgress",
                List.of(Map.of("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                        "DestinationSecurityGroupId", domainSecurityGroup.getSecurityGroupId(),
                        "Description", "HTTPS to the OpenSearch domain")));

        String domainArn = "arn:aws:es:" + stack.getRegion() + ":" + stack.getAccount() + ":domain/" + DOMAIN_NAME;
        Map<String, String> env = new LinkedHashMap<>(LambdaEnvironment.shared(config));
        env.put("RETENTION_DAYS", Integer.toString(settings.retentionDays()));
        env.put("POWERTOOLS_SERVICE_NAME", INDEXER_SERVICE);
        setup = new JavaFunction(this, "Setup", JavaFunction.Spec.of("opensearch-indexer-lambda", SETUP_HANDLER,
                        "Security Watch: applies the OpenSearch index template, ISM policy, roles and dashboards",
                        512, Duration.minutes(5), env)
                .inVpc(vpc, clientSecurityGroup));
        indexer = new JavaFunction(this, "Indexer", JavaFunction.Spec.of("opensearch-indexer-lambda",
                        INDEXER_HANDLER, "Security Watch: indexes forwarded security events into OpenSearch",
                        1024, Duration.seconds(60), env)
                .inVpc(vpc, clientSecurityGroup));

        domain = newDomain(settings, domainArn, stack);
        String endpoint = "https://" + domain.getAttrDomainEndpoint();
        // The indexer only POSTs _bulk; setup reads and writes templates, policies, roles and saved objects.
        Map<JavaFunction, List<String>> httpActions = Map.of(indexer, List.of("es:ESHttpPost"),
                setup, List.of("es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut"));
        for (JavaFunction function : List.of(indexer, setup)) {
            function.function().addEnvironment("OPENSEARCH_ENDPOINT", endpoint);
            function.role().addToPolicy(PolicyStatement.Builder.create()
                    .actions(httpActions.get(function))
                    .resources(List.of(domainArn + "/*")).build());
            NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("OpenSearch HTTP permissions are granted on paths below the one Security Watch domain;"
                            + " which indices each Lambda may touch is enforced by fine-grained access control.")
                    .appliesTo(List.of("Resource::" + domainArn + "/*"))
                    .build()), true);
        }
        // The one log group the indexer reads: anything else reaching it is kept aside, never indexed as events.
        indexer.function().addEnvironment("EVENTS_LOG_GROUP", eventsLog.getLogGroupName());
        indexer.function().addEnvironment("EVENTS_LOG_OWNER", stack.getAccount());
        setup.function().addEnvironment("INDEXER_ROLE_ARN", indexer.role().getRoleArn());
        setup.function().addEnvironment("AUDITOR_ROLE_ARNS", String.join(",", settings.auditorRoleArns()));
        domain.getNode().addDependency(indexer.role(), setup.role());

        deadLetters = new DeadLetterQueue(this, "DeadLetters", "indexing a batch of events into OpenSearch");
        indexer.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(2).maxEventAge(Duration.hours(6))
                .onFailure(new SqsDestination(deadLetters.queue())).build());
        failedDocuments = Alarm.Builder.create(this, "FailedDocuments")
                .alarmDescription("Security Watch: events could not be indexed as documents and were stored in"
                        + " security-events-failed with the error. Query that index to see why.")
                .metric(Metric.Builder.create().namespace(LambdaEnvironment.METRICS_NAMESPACE)
                        .metricName("FailedDocuments").dimensionsMap(Map.of("Service", INDEXER_SERVICE))
                        .statistic("Sum").period(Duration.minutes(5)).build())
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        SubscriptionFilter subscription = SubscriptionFilter.Builder.create(this, "EventsSubscription")
                .logGroup(eventsLog)
                .destination(new LambdaDestination(indexer.alias()))
                .filterPattern(FilterPattern.allEvents())
                .build();

        LogGroup providerLogs = LogGroup.Builder.create(this, "SetupProviderLogs").retention(RetentionDays.ONE_YEAR)
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE).build();
        // Its own role instead of AWSLambdaBasicExecutionRole, which may write to every log group of the account.
        Role providerRole = Role.Builder.create(this, "SetupProviderRole")
                .description("Security Watch: relays CloudFormation events to the OpenSearch setup Lambda")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        providerRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(providerLogs.getLogGroupArn())).build());
        Provider provider = Provider.Builder.create(this, "SetupProvider")
                .onEventHandler(setup.alias())
                .logGroup(providerLogs)
                .frameworkOnEventRole(providerRole)
                .build();
        CustomResource setupResource = CustomResource.Builder.create(this, "IndexSetup")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::SecurityWatchOpenSearchSetup")
                .properties(Map.of("Endpoint", endpoint, "RetentionDays", settings.retentionDays(),
                        "IndexerRoleArn", indexer.role().getRoleArn(),
                        "CodeVersion", setup.function().getCurrentVersion().getVersion()))
                .build();
        setupResource.getNode().addDependency(domain);
        // Index only once the setup has mapped the indexer's role and installed the index template.
        subscription.getNode().addDependency(setupResource);
        NagSuppressions.addResourceSuppressions(providerRole, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The Provider framework may invoke any version of the one setup function it fronts, and"
                        + " write to its own log group's streams.")
                .build()), true);
        NagSuppressions.addResourceSuppressions(provider, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("The Provider framework may invoke any version of the one setup function it fronts.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("The Provider framework's runtime is chosen and patched by the CDK release in use.")
                        .build()), true);
    }


    private CfnDomain newDomain(OpenSearch settings, String domainArn, Stack stack) {
        Map<String, LogGroup> logs = new LinkedHashMap<>();
        // AUDIT_LOGS: who wrote, overwrote or deleted what in the audit indices (the setup turns the audit on).
        for (String type : List.of("SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS")) {
            logs.put(type, LogGroup.Builder.create(this, "Domain" + type.replace("_", ""))
                    .retention(RetentionDays.ONE_YEAR).removalPolicy(type.equals("AUDIT_LOGS")
                            ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY).build());
        }
        ResourcePolicy domainLogsPolicy = ResourcePolicy.Builder.create(this, "DomainLogsPolicy")
                .policyStatements(List.of(PolicyStatement.Builder.create()
                        .principals(List.of(new ServicePrincipal("es.amazonaws.com")))
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(logs.values().stream().map(LogGroup::getLogGroupArn).toList())
                        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                        .build()))
                .build();

        List<String> subnets = vpc.selectSubnets(SubnetSelection.builder()
                .subnetType(SubnetType.PRIVATE_ISOLATED).build()).getSubnetIds();
        boolean multiNode = settings.instanceCount() > 1;
        CfnDomain created = CfnDomain.Builder.create(this, "Domain")
                .domainName(DOMAIN_NAME)
                .engineVersion(settings.engineVersion())
                .clusterConfig(CfnDomain.ClusterConfigProperty.builder()
                        .instanceType(settings.instanceType())
                        .instanceCount(settings.instanceCount())
                        .zoneAwarenessEnabled(multiNode)
                        // Without a count CloudFormation assumes two zones, whatever the subnets say.
                        .zoneAwarenessConfig(multiNode ? CfnDomain.ZoneAwarenessConfigProperty.builder()
                                .availabilityZoneCount(subnets.size()).build() : null)
                        .build())
                .ebsOptions(CfnDomain.EBSOptionsProperty.builder()
                        .ebsEnabled(true).volumeType("gp3").volumeSize(settings.volumeSizeGiB()).build())
                .encryptionAtRestOptions(CfnDomain.EncryptionAtRestOptionsProperty.builder().enabled(true).build())
                .nodeToNodeEncryptionOptions(CfnDomain.NodeToNodeEncryptionOptionsProperty.builder()
                        .enabled(true).build())
                .domainEndpointOptions(CfnDomain.DomainEndpointOptionsProperty.builder()
                        .enforceHttps(true).tlsSecurityPolicy("Policy-Min-TLS-1-2-PFS-2023-10").build())
                .advancedSecurityOptions(CfnDomain.AdvancedSecurityOptionsInputProperty.builder()
                        .enabled(true)
                        .internalUserDatabaseEnabled(false)
                        .masterUserOptions(CfnDomain.MasterUserOptionsProperty.builder()
                                .masterUserArn(setup.role().getRoleArn()).build())
                        .build())
                .vpcOptions(CfnDomain.VPCOptionsProperty.builder()
                        .subnetIds(multiNode ? subnets : List.of(subnets.get(0)))
                        .securityGroupIds(List.of(domainSecurityGroup.getSecurityGroupId()))
                        .build())
                .logPublishingOptions(Map.of(
                        "SEARCH_SLOW_LOGS", logOption(logs.get("SEARCH_SLOW_LOGS")),
                        "INDEX_SLOW_LOGS", logOption(logs.get("INDEX_SLOW_LOGS")),
                        "ES_APPLICATION_LOGS", logOption(logs.get("ES_APPLICATION_LOGS")),
                        "AUDIT_LOGS", logOption(logs.get("AUDIT_LOGS"))))
                .accessPolicies(PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
                        .principals(List.of(new AccountPrincipal(stack.getAccount())))
                        .actions(List.of("es:ESHttp*"))
                        .resources(List.of(domainArn + "/*"))
                        .build())).build().toJSON())
                .build();
        created.getNode().addDependency(domainLogsPolicy);
        NagSuppressions.addResourceSuppressions(created, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-OS3")
                .reason("The domain has no public endpoint: it lives in private subnets and its security group admits"
                        + " HTTPS only from the Security Watch Lambdas. IAM and fine-grained access control decide"
                        + " what each caller may do; IP allow-lists add nothing inside the VPC.")
                .build()));
        // Kept on delete and replace, but not after a failed first create: a retried deploy would otherwise find the
        // fixed domain name taken by the remains of the rollback.
        created.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        if (!multiNode) {
            NagSuppressions.addResourceSuppressions(created, List.of(
                    NagPackSuppression.builder().id("AwsSolutions-OS4")
                            .reason("A single-node audit domain (the default size) has no use for dedicated"
                                    + " master nodes; set openSearch.instanceCount above 1 for production scale.")
                            .build(),
                    NagPackSuppression.builder().id("AwsSolutions-OS7")
                            .reason("Zone awareness needs two or more nodes; it is switched on automatically when"
                                    + " openSearch.instanceCount is above 1. Events stay in the central log group"
                                    + " for replay.").build()));
        } else {
            NagSuppressions.addResourceSuppressions(created, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-OS4")
                    .reason("Dedicated masters are sized by the team; the default keeps cost low for an audit index"
                            + " that can be rebuilt from the central events log group.").build()));
        }
        return created;
    }

    private static CfnDomain.LogPublishingOptionProperty logOption(LogGroup group) {
        return CfnDomain.LogPublishingOptionProperty.builder()
                .enabled(true).cloudWatchLogsLogGroupArn(group.getLogGroupArn()).build();
    }

    public CfnDomain domain() {
        return domain;
    }

    public JavaFunction indexer() {
        return indexer;
    }

    public JavaFunction setup() {
        return setup;
    }

    public SecurityGroup domainSecurityGroup() {
        return domainSecurityGroup;
    }

    public SecurityGroup clientSecurityGroup() {
        return clientSecurityGroup;
    }

    public Alarm failedDocuments() {
        return failedDocuments;
    }

    public DeadLetterQueue deadLetters() {
        return deadLetters;
    }

    public IVpc vpc() {
        return vpc;
    }
}
