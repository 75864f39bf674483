package dev.securitywatch.infra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.SecurityWatch;
import dev.securitywatch.infra.SecurityWatchApp;
import dev.securitywatch.infra.config.ContextReader;
import dev.securitywatch.infra.member.MemberStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * Issue 12's infra outcomes, asserted on the synthesized templates: what each principal may do, and what stops the
 * rest. One deployment with the first member account in ENFORCE (the second stays REPORT_ONLY, as cdk.json says).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustBoundariesTemplateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private SecurityWatch deployment;
    private JsonNode central;

    @BeforeAll
    void synthesize() {
        App app = App.Builder.create().context(DefaultContext.withOverrides(Map.of("remediationMode", "ENFORCE")))
                .build();
        deployment = SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
        SecurityWatchApp.checkWithCdkNag(app);
        app.synth();
        central = json(deployment.central());
    }

    @Test
    void onlyTheRemediatorMayPutSecurityWatchSourcesOnAMembersDefaultBus() {
        for (MemberStack member : deployment.members()) {
            JsonNode policy = only(json(member), "AWS::Events::EventBusPolicy").path("Properties");
            assertThat(policy.path("EventBusName").asText()).isEqualTo("default");
            JsonNode statement = policy.path("Statement");
            assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
            assertThat(statement.path("Principal").asText()).isEqualTo("*");
            assertThat(statement.path("Action").asText()).isEqualTo("events:PutEvents");
            assertThat(statement.path("Condition").path("ForAnyValue:StringLike").path("events:source").asText())
                    .isEqualTo("security-watch.*");
            assertThat(statement.path("Condition").path("ArnNotEquals").path("aws:PrincipalArn").toString())
                    .contains(":role/security-watch-remediation-" + member.getRegion());
        }
    }

    @Test
    void theForwardingRoleMayBeAssumedOnlyByThisStacksNamedRules() {
        for (MemberStack member : deployment.members()) {
            JsonNode template = json(member);
            JsonNode trust = role(template, "security-watch-forwarding-").path("AssumeRolePolicyDocument");
            assertThat(trust.toString()).contains("aws:SourceAccount", "aws:SourceArn",
                    ":rule/security-watch-forward-*");
            for (JsonNode rule : all(template, "AWS::Events::Rule")) {
                assertThat(rule.path("Properties").path("Name").asText()).startsWith("security-watch-forward-");
            }
        }
    }

    @Test
    void theRemediatorsEc2WritesFollowItsModeAndIamRefusesExemptAndStackGroups() {
        for (MemberStack member : deployment.members()) {
            String writes = writeStatements(json(member)).toString();
            if (member.getAccount().equals("222222222222")) {
                assertThat(writes).as(member.getStackName() + " is REPORT_ONLY").isEqualTo("[]");
                continue;
            }
            assertThat(writes).contains("ec2:RevokeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress",
                    "\"aws:ResourceTag/security-watch:component\":\"true\"",
                    "\"aws:ResourceTag/security-watch:exempt\":\"true\"",
                    "\"aws:ResourceTag/aws:cloudformation:stack-name\":\"true\"");
        }
    }

    @Test
    void revokeOnlyGrantsNoAuthorize() {
        App app = App.Builder.create().context(DefaultContext.withOverrides(Map.of("remediationMode",
                "REVOKE_ONLY"))).build();
        SecurityWatch revokeOnly = SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
        app.synth();

        String writes = writeStatements(json(revokeOnly.members().get(0))).toString();
        assertThat(writes).contains("ec2:RevokeSecurityGroupIngress").doesNotContain("Authorize");
    }

    @Test
    void theRemediatorHasNoManagedPolicyAndServesOnlyItsOwnNamedConfigRule() {
        for (MemberStack member : deployment.members()) {
            JsonNode template = json(member);
            JsonNode role = role(template, "security-watch-remediation-");
            assertThat(role.has("ManagedPolicyArns")).as("no AWSConfigRulesExecutionRole: it grants config:Put*")
                    .isFalse();
            assertThat(only(template, "AWS::Config::ConfigRule").path("Properties").path("ConfigRuleName").asText())
                    .isEqualTo("security-watch-sg-ingress");
            assertThat(function(template, "dev.securitywatch.remediation.").path("Environment").path("Variables")
                    .path("CONFIG_RULE_NAME").asText()).isEqualTo("security-watch-sg-ingress");
            assertThat(all(template, "AWS::IAM::Policy").toString()).doesNotContain("config:Put*", "s3:GetObject");
        }
    }

    @Test
    void theIndexerReadsOnlyTheEventsLogAndMayOnlyPostToTheDomain() {
        JsonNode env = function(central, "dev.securitywatch.indexer.handler.SubscriptionIndexerHandler")
                .path("Environment").path("Variables");
        assertThat(env.path("EVENTS_LOG_GROUP").toString()).contains("EventsLog");
        assertThat(env.path("EVENTS_LOG_OWNER").asText()).isEqualTo("123456789012");
        String indexerPolicy = policiesOfRole(central, "AuditIndexIndexerRole");
        assertThat(indexerPolicy).contains("es:ESHttpPost").doesNotContain("es:ESHttpGet", "es:ESHttpPut",
                "es:ESHttpHead", "es:ESHttpDelete");
    }

    @Test
    void oneAccountFloodingThePipelineRaisesOneAlarmWhateverTheNumberOfAccounts() {
        JsonNode rule = only(central, "AWS::CloudWatch::InsightRule").path("Properties");
        assertThat(rule.path("RuleBody").toString()).contains("$.account", "AggregateOn", "Count", "EventsLog");
        JsonNode alarm = all(central, "AWS::CloudWatch::Alarm").stream()
                .filter(a -> a.path("Properties").path("Metrics").toString().contains("INSIGHT_RULE_METRIC"))
                .findFirst().orElseThrow().path("Properties");
        assertThat(alarm.path("Metrics").toString()).contains("security-watch-events-by-account",
                "MaxContributorValue");
        assertThat(alarm.path("Threshold").asInt()).isEqualTo(1000);
        assertThat(alarm.path("AlarmActions").toString()).contains("HealthTopic");
    }

    @Test
    void theDomainPublishesItsAuditLogToALogGroupThatOutlivesIt() {
        JsonNode options = only(central, "AWS::OpenSearchService::Domain").path("Properties")
                .path("LogPublishingOptions").path("AUDIT_LOGS");
        assertThat(options.path("Enabled").asBoolean()).isTrue();
        String group = options.path("CloudWatchLogsLogGroupArn").toString();
        central.path("Resources").properties().forEach(entry -> {
            if (group.contains(entry.getKey())) {
                assertThat(entry.getValue().path("DeletionPolicy").asText()).isEqualTo("RetainExceptOnCreate");
            }
        });
        assertThat(group).contains("AuditIndexDomainAUDITLOGS");
    }

    @Test
    void vpcLambdasCreateNetworkInterfacesOnlyInTheirSubnetsWithoutTheManagedPolicy() {
        String text = central.toString();
        assertThat(text).doesNotContain("AWSLambdaVPCAccessExecutionRole", "AWSLambdaBasicExecutionRole");
        String indexerPolicy = policiesOfRole(central, "AuditIndexIndexerRole");
        assertThat(indexerPolicy).contains("ec2:CreateNetworkInterface", ":subnet/", ":security-group/",
                ":network-interface/*");
    }

    @Test
    void theNotifiersDeadLettersStayUnderTheAlertsKeyAsTheQueueDoes() {
        for (JsonNode queue : all(central, "AWS::SQS::Queue")) {
            JsonNode properties = queue.path("Properties");
            if (properties.path("RedrivePolicy").toString().contains("NotifierDeadLetters")) {
                String key = properties.path("KmsMasterKeyId").toString();
                assertThat(key).contains("AlertsKey");
                JsonNode deadLetters = all(central, "AWS::SQS::Queue").stream()
                        .filter(q -> q.path("Properties").path("KmsMasterKeyId").toString().equals(key)
                                && !q.path("Properties").has("RedrivePolicy")).findFirst().orElseThrow();
                assertThat(deadLetters.path("Properties").has("SqsManagedSseEnabled")).isFalse();
                return;
            }
        }
        throw new AssertionError("no notifier queue with a redrive policy");
    }

    @Test
    void everyServiceRoleNamesTheAccountAndTheResourceItActsFor() {
        for (JsonNode role : all(central, "AWS::IAM::Role")) {
            JsonNode statement = role.path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0);
            String service = statement.path("Principal").path("Service").asText();
            if (service.equals("lambda.amazonaws.com")) {
                continue;
            }
            JsonNode condition = statement.path("Condition");
            assertThat(condition.path("StringEquals").path("aws:SourceAccount").asText()).as(service)
                    .isEqualTo("123456789012");
            String sourceArn = condition.toString();
            assertThat(sourceArn).as(service).contains("aws:SourceArn");
            if (service.equals("events.amazonaws.com")) {
                assertThat(sourceArn).containsPattern(":rule/security-watch/security-watch-(forwarded-events|heartbeats)");
            }
        }
    }

    @Test
    void everyLambdaLogGroupIsKeptWhenTheStackGoes() {
        List<JsonNode> stacks = new ArrayList<>(List.of(central));
        deployment.members().forEach(member -> stacks.add(json(member)));
        for (JsonNode template : stacks) {
            template.path("Resources").properties().forEach(entry -> {
                if (entry.getValue().path("Type").asText().equals("AWS::Logs::LogGroup")
                        && entry.getKey().matches(".*(Lambda|Indexer|Setup)(Provider)?Logs.*")) {
                    assertThat(entry.getValue().path("DeletionPolicy").asText()).as(entry.getKey())
                            .isEqualTo("RetainExceptOnCreate");
                }
            });
        }
    }

    private static List<JsonNode> writeStatements(JsonNode template) {
        List<JsonNode> writes = new ArrayList<>();
        for (JsonNode policy : all(template, "AWS::IAM::Policy")) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                if (statement.path("Action").toString().contains("SecurityGroupIngress")) {
                    writes.add(statement);
                }
            }
        }
        return writes;
    }

    private static JsonNode json(software.amazon.awscdk.Stack stack) {
        return MAPPER.valueToTree(Template.fromStack(stack).toJSON());
    }

    private static List<JsonNode> all(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        });
        return found;
    }

    private static JsonNode only(JsonNode template, String type) {
        List<JsonNode> found = all(template, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static JsonNode role(JsonNode template, String namePrefix) {
        return all(template, "AWS::IAM::Role").stream().map(role -> role.path("Properties"))
                .filter(role -> role.path("RoleName").toString().contains(namePrefix)).findFirst().orElseThrow();
    }

    private static JsonNode function(JsonNode template, String handlerPrefix) {
        return all(template, "AWS::Lambda::Function").stream().map(function -> function.path("Properties"))
                .filter(function -> function.path("Handler").asText().startsWith(handlerPrefix))
                .findFirst().orElseThrow();
    }

    private static String policiesOfRole(JsonNode template, String roleLogicalIdPrefix) {
        return all(template, "AWS::IAM::Policy").stream()
                .filter(policy -> policy.path("Properties").path("Roles").toString().contains(roleLogicalIdPrefix))
                .toList().toString();
    }
}
