package dev.securitywatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import dev.securitywatch.infra.lambda.LambdaSettings;
import dev.securitywatch.infra.member.ForwardingRules;
import dev.securitywatch.infra.member.MemberStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Lambdas and what surrounds them: runtime, SnapStart, triggers, least privilege, dead letters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaResourcesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SecurityWatch deployment;
    private Template central;
    private JsonNode centralJson;

    @BeforeAll
    void synthesize() {
        deployment = SecurityWatchStacksTest.synthesize(DefaultContext.get());
        central = Template.fromStack(deployment.central());
        centralJson = MAPPER.valueToTree(central.toJSON());
    }

    private static JsonNode resourcesOfType(JsonNode template, String type) {
        List<JsonNode> matches = new java.util.ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                matches.add(r);
            }
        });
        return MAPPER.valueToTree(matches);
    }

    private static JsonNode functionWithHandler(JsonNode template, String handlerPrefix) {
        for (JsonNode function : resourcesOfType(template, "AWS::Lambda::Function")) {
            if (function.path("Properties").path("Handler").asText().startsWith(handlerPrefix)) {
                return function.path("Properties");
            }
        }
        throw new AssertionError("no function with handler " + handlerPrefix);
    }

    private static String policies(JsonNode template) {
        return resourcesOfType(template, "AWS::IAM::Policy").toString();
    }

    @Test
    void everyProjectLambdaIsJava21WithSnapStartBehindTheLiveAlias() {
        JsonNode functions = resourcesOfType(centralJson, "AWS::Lambda::Function");
        long projectFunctions = 0;
        for (JsonNode function : functions) {
            JsonNode props = function.path("Properties");
            if (!props.path("Handler").asText().startsWith("dev.securitywatch.")) {
                continue;
            }
            projectFunctions++;
            assertThat(props.path("Runtime").asText()).isEqualTo("java21");
            assertThat(props.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
            assertThat(props.path("Architectures").toString()).contains("arm64");
        }
        assertThat(projectFunctions).isEqualTo(4);
        assertThat(resourcesOfType(centralJson, "AWS::Lambda::Alias").toString()).contains("\"Name\":\"live\"");
    }

    @Test
    void accountNamesReachOnlyTheLambdasThatNameAccountsAndNeverTheirFourKilobyteEnvironment() {
        for (String handler : List.of("dev.securitywatch.notifier.", "dev.securitywatch.hubcheck.")) {
            assertThat(LambdaSettings.of(deployment.central(), handler).get("ACCOUNT_NAMES")).as(handler)
                    .contains("\"111111111111\":\"prod\"");
            assertThat(functionWithHandler(centralJson, handler).path("Environment").path("Variables")
                    .has("ACCOUNT_NAMES")).as(handler).isFalse();
        }
        assertThat(LambdaSettings.of(deployment.central(), "dev.securitywatch.indexer.")).as("indexer")
                .doesNotContainKey("ACCOUNT_NAMES");
        assertThat(LambdaSettings.of(deployment.members().get(0), "dev.securitywatch.remediation."))
                .as("remediator: also in the StackSet template, which can carry no layer")
                .doesNotContainKey("ACCOUNT_NAMES");
    }

    @Test
    void notifierIsSubscribedThroughItsAliasAndKeepsSecretsOutOfTheTemplate() {
        JsonNode notifier = functionWithHandler(centralJson, "dev.securitywatch.notifier.");
        JsonNode env = notifier.path("Environment").path("Variables");
        assertThat(env.path("SLACK_SECRET_ID").asText()).isEqualTo("security-watch/slack");
        assertThat(LambdaSettings.of(deployment.central(), "dev.securitywatch.notifier.").get("ACCOUNT_NAMES"))
                .contains("\"111111111111\":\"prod\"");
        assertThat(env.path("SLACK_ROUTES").asText()).isEqualTo("[{\"channel\":\"C0987654321\",\"severities\":[\"CRITICAL\"]}]");
        assertThat(env.has("DEDUP_TABLE_NAME")).isTrue();
        assertThat(centralJson.toString()).doesNotContain("hooks.slack.com", "xoxb-");

        central.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs",
                "Endpoint", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NotifierQueue.*"), "Arn"))));
        assertThat(resourcesOfType(centralJson, "AWS::Lambda::EventSourceMapping")).singleElement()
                .satisfies(mapping -> assertThat(mapping.path("Properties").path("FunctionName").toString())
                        .as("SnapStart restores the alias, not $LATEST").contains("NotifierLambdaLive"));
        central.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
        assertThat(resourcesOfType(centralJson, "AWS::SNS::Subscription"))
                .noneSatisfy(subscription -> assertThat(subscription.toString()).contains("\"lambda\""));
        String policies = policies(centralJson);
        assertThat(policies).contains("secretsmanager:GetSecretValue", "secret:security-watch/slack-??????",
                "dynamodb:PutItem", "kms:Decrypt");
    }

    @Test
    void membershipCheckRunsOnTheConfiguredCronAndTimeZoneWithRetriesAndADeadLetterQueue() {
        central.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "cron(00 11 ? * MON-FRI *)",
                "ScheduleExpressionTimezone", "Asia/Tokyo",
                "Target", Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", Match.stringLikeRegexp("MembershipWatchLambdaLive.*")),
                        "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 21600, "MaximumRetryAttempts", 3),
                        "DeadLetterConfig", Match.objectLike(Map.of())))));
        central.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", List.of(
                        Match.objectLike(Map.of("ServerSideEncryptionByDefault",
                                Match.objectLike(Map.of("SSEAlgorithm", "aws:kms"))))))),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 400, "Status", "Enabled"))))));
        central.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        String policies = policies(centralJson);
        assertThat(policies).contains("securityhub:ListMembers", "arn:aws:securityhub:ap-northeast-1:123456789012:hub/default",
                "organizations:ListAccounts", "s3:GetObject", "s3:PutObject", "/snapshots/*");
        assertThat(policies).doesNotContain("s3:DeleteObject", "s3:*");
    }

    @Test
    void aSecretUnderACustomerManagedKeyMayBeDecryptedOnlyThroughSecretsManager() {
        String key = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        SecurityWatch withKey = SecurityWatchStacksTest.synthesize(DefaultContext.withOverrides(Map.of(
                "slack", Map.of("secretName", "security-watch/slack", "kmsKeyArn", key))));
        JsonNode template = MAPPER.valueToTree(Template.fromStack(withKey.central()).toJSON());
        List<JsonNode> decrypts = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
                    if (statement.path("Resource").asText().equals(key)) {
                        decrypts.add(statement);
                    }
                });
            }
        });
        assertThat(decrypts).as("the notifier's and the hub check's roles").hasSize(2).allSatisfy(statement -> {
            assertThat(statement.path("Action").toString()).contains("kms:Decrypt");
            assertThat(statement.path("Condition").toString())
                    .contains("kms:ViaService", "secretsmanager.ap-northeast-1.amazonaws.com");
        });
        assertThat(policies(template)).contains("secret:security-watch/slack-??????");
    }

    @Test
    void anExistingSnapshotBucketIsAdoptedByName() {
        SecurityWatch adopted = SecurityWatchStacksTest.synthesize(DefaultContext.withOverrides(Map.of(
                "hubMemberCheck", Map.of("bucketName", "team-hub-snapshots"))));
        JsonNode template = MAPPER.valueToTree(Template.fromStack(adopted.central()).toJSON());
        assertThat(resourcesOfType(template, "AWS::S3::Bucket")).isEmpty();
        assertThat(policies(template)).contains("team-hub-snapshots/snapshots/*");
    }

    @Test
    void remediatorIsAConfigRuleOnSecurityGroupsWithALeastPrivilegeNamedRole() {
        MemberStack prod = deployment.members().get(0);
        Template template = Template.fromStack(prod);
        template.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
                "Scope", Map.of("ComplianceResourceTypes", List.of("AWS::EC2::SecurityGroup")),
                "MaximumExecutionFrequency", "TwentyFour_Hours",
                "Source", Match.objectLike(Map.of("Owner", "CUSTOM_LAMBDA"))));
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Principal", "config.amazonaws.com", "SourceAccount", "111111111111"));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "security-watch-remediation-us-east-1"));
        JsonNode json = MAPPER.valueToTree(template.toJSON());
        String policies = policies(json);
        assertThat(policies).as("REPORT_ONLY: no EC2 write at all").contains("config:PutEvaluations",
                "config:GetResourceConfigHistory", "arn:aws:events:us-east-1:111111111111:event-bus/default")
                .doesNotContain("ec2:RevokeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress", "config:Put*");
        JsonNode env = functionWithHandler(json, "dev.securitywatch.remediation.").path("Environment").path("Variables");
        assertThat(env.path("REMEDIATION_POLICY").asText()).contains("\"remediationMode\":\"REPORT_ONLY\"",
                "\"exemptSecurityGroupIds\":[\"sg-0123456789abcdef0\"]", "\"exemptTagKey\":\"security-watch:exempt\"");
    }

    @Test
    void remediationModeCanDifferPerAccount() {
        SecurityWatch enforce = SecurityWatchStacksTest.synthesize(DefaultContext.withOverrides(Map.of(
                "remediationMode", "ENFORCE")));
        for (MemberStack member : enforce.members()) {
            String mode = member.getAccount().equals("222222222222") ? "REPORT_ONLY" : "ENFORCE";
            assertThat(MAPPER.valueToTree(Template.fromStack(member).toJSON()).toString()).as(member.getStackName())
                    .contains("\\\"remediationMode\\\":\\\"" + mode + "\\\"");
        }
    }

    @Test
    void namedResourcesSurviveDeletionButNotAFailedFirstCreate() {
        List<String> policies = new ArrayList<>();
        centralJson.path("Resources").forEach(resource -> {
            String name = resource.path("Properties").path("DomainName").asText(
                    resource.path("Properties").path("LogGroupName").asText(""));
            if (name.equals("security-watch") || name.equals("/security-watch/events")) {
                policies.add(name + ": " + resource.path("DeletionPolicy").asText());
            }
        });
        assertThat(policies).containsExactlyInAnyOrder("security-watch: RetainExceptOnCreate",
                "/security-watch/events: RetainExceptOnCreate");
        List<String> kept = new ArrayList<>();
        centralJson.path("Resources").forEach(resource -> {
            if (!resource.path("DeletionPolicy").asText("Delete").equals("Delete")) {
                kept.add(resource.path("Type").asText() + ": " + resource.path("DeletionPolicy").asText());
            }
        });
        assertThat(kept).as("everything kept on delete is also dropped after a failed first create")
                .as("the domain, its network, its audit log, the events log, the alerts key, every Lambda's log")
                .hasSize(15).allSatisfy(entry -> assertThat(entry).endsWith("RetainExceptOnCreate"))
                .as("the domain's network stays with it, or cdk destroy would fail on its interfaces")
                .contains("AWS::EC2::VPC: RetainExceptOnCreate", "AWS::EC2::Subnet: RetainExceptOnCreate",
                        "AWS::EC2::SecurityGroup: RetainExceptOnCreate");
    }

    @Test
    void theLambdasSecurityGroupMayOnlyReachTheDomain() {
        JsonNode client = resourcesOfType(centralJson, "AWS::EC2::SecurityGroup").findParents("GroupDescription")
                .stream().filter(p -> p.path("GroupDescription").asText().contains("indexer and setup"))
                .findFirst().orElseThrow();
        assertThat(client.path("SecurityGroupEgress")).hasSize(1);
        assertThat(client.path("SecurityGroupEgress").get(0).toString())
                .contains("\"FromPort\":443", "DestinationSecurityGroupId", "DomainSecurityGroup");
        assertThat(resourcesOfType(centralJson, "AWS::EC2::SecurityGroupEgress"))
                .as("a separate egress rule would leave CloudFormation's default allow-all in place").isEmpty();
    }

    @Test
    void aMultiNodeDomainSpansOneZonePerSubnet() {
        SecurityWatch multi = SecurityWatchStacksTest.synthesize(DefaultContext.withOverrides(Map.of(
                "openSearch", Map.of("instanceCount", 4))));
        JsonNode cluster = resourcesOfType(MAPPER.valueToTree(Template.fromStack(multi.central()).toJSON()),
                "AWS::OpenSearchService::Domain").get(0).path("Properties").path("ClusterConfig");
        assertThat(cluster.path("ZoneAwarenessEnabled").asBoolean()).isTrue();
        assertThat(cluster.path("ZoneAwarenessConfig").path("AvailabilityZoneCount").asInt()).isEqualTo(2);
        assertThat(resourcesOfType(centralJson, "AWS::OpenSearchService::Domain").get(0).path("Properties")
                .path("ClusterConfig").has("ZoneAwarenessConfig")).as("single node").isFalse();
    }

    @Test
    void indexingStartsOnlyAfterTheSetupHasRun() {
        centralJson.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Logs::SubscriptionFilter")) {
                assertThat(resource.path("DependsOn").toString()).contains("AuditIndexIndexSetup");
            }
        });
        assertThat(resourcesOfType(centralJson, "AWS::Logs::SubscriptionFilter")).hasSize(1);
    }

    @Test
    void openSearchDomainIsPrivateEncryptedAndReachableOnlyFromTheLambdas() {
        central.hasResourceProperties("AWS::OpenSearchService::Domain", Map.of(
                "DomainName", "security-watch",
                "EngineVersion", "OpenSearch_2.19",
                "EncryptionAtRestOptions", Map.of("Enabled", true),
                "NodeToNodeEncryptionOptions", Map.of("Enabled", true),
                "DomainEndpointOptions", Map.of("EnforceHTTPS", true,
                        "TLSSecurityPolicy", "Policy-Min-TLS-1-2-PFS-2023-10"),
                "AdvancedSecurityOptions", Match.objectLike(Map.of("Enabled", true,
                        "InternalUserDatabaseEnabled", false,
                        "MasterUserOptions", Map.of("MasterUserARN", Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("AuditIndexSetupRole.*"), "Arn"))))),
                "VPCOptions", Match.objectLike(Map.of()),
                "LogPublishingOptions", Match.objectLike(Map.of(
                        "SEARCH_SLOW_LOGS", Match.objectLike(Map.of("Enabled", true)),
                        "ES_APPLICATION_LOGS", Match.objectLike(Map.of("Enabled", true))))));
        central.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                "SourceSecurityGroupId", Map.of("Fn::GetAtt",
                        List.of(Match.stringLikeRegexp("AuditIndexClientSecurityGroup.*"), "GroupId"))));
        assertThat(resourcesOfType(centralJson, "AWS::EC2::NatGateway")).isEmpty();
        assertThat(resourcesOfType(centralJson, "AWS::EC2::InternetGateway")).isEmpty();
    }

    @Test
    void indexerIsSubscribedToTheEventsLogAndSetupRunsAsACustomResource() {
        central.hasResourceProperties("AWS::Logs::SubscriptionFilter", Map.of(
                "LogGroupName", Map.of("Ref", Match.stringLikeRegexp("EventsLog.*")),
                "DestinationArn", Map.of("Ref", Match.stringLikeRegexp("AuditIndexIndexerLive.*"))));
        JsonNode indexer = functionWithHandler(centralJson, "dev.securitywatch.indexer.handler.SubscriptionIndexerHandler");
        assertThat(indexer.path("VpcConfig").isObject()).isTrue();
        assertThat(indexer.path("Environment").path("Variables").path("OPENSEARCH_ENDPOINT").toString())
                .contains("https://");
        assertThat(resourcesOfType(centralJson, "Custom::SecurityWatchOpenSearchSetup")).hasSize(1);
        central.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "SecurityWatch", "MetricName", "FailedDocuments", "Threshold", 1,
                "Dimensions", List.of(Map.of("Name", "Service", "Value", "security-watch-indexer"))));
        assertThat(indexer.path("Environment").path("Variables").path("POWERTOOLS_SERVICE_NAME").asText())
                .as("the alarm's Service dimension is the function's service name")
                .isEqualTo("security-watch-indexer");
        assertThat(resourcesOfType(centralJson, "AWS::Logs::SubscriptionFilter")).hasSize(1)
                .allSatisfy(f -> assertThat(f.toString()).doesNotContain("AuditIndexIndexerLogs"));
    }

    @Test
    void everyDeadLetterQueueHasAnAlarm() {
        int queues = resourcesOfType(centralJson, "AWS::SQS::Queue").size();
        long dlqAlarms = java.util.stream.StreamSupport.stream(
                resourcesOfType(centralJson, "AWS::CloudWatch::Alarm").spliterator(), false)
                .filter(a -> a.toString().contains("ApproximateNumberOfMessagesVisible")).count();
        long deadLetterQueues = java.util.stream.StreamSupport.stream(
                resourcesOfType(centralJson, "AWS::SQS::Queue").spliterator(), false)
                .filter(q -> !q.path("Properties").has("RedrivePolicy")).count();
        assertThat(queues).as("four dead-letter queues and the alerts buffer").isEqualTo(5);
        assertThat(dlqAlarms).isEqualTo(deadLetterQueues).isEqualTo(4);
        central.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateAgeOfOldestMessage", "Threshold", 900));
    }
}
