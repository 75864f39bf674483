package dev.securitywatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.pattern.PatternMatcher;
import dev.securitywatch.event.testing.CorpusEvents;
import dev.securitywatch.event.testing.CorpusEvents.Labelled;
import dev.securitywatch.infra.common.ComponentTag;
import dev.securitywatch.infra.config.ContextReader;
import dev.securitywatch.infra.member.MemberStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The default deployment, synthesized once, checked resource by resource and with cdk-nag. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityWatchStacksTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CENTRAL_BUS_ARN = "arn:aws:events:ap-northeast-1:123456789012:event-bus/security-watch";

    private SecurityWatch deployment;
    private Template central;

    static SecurityWatch synthesize(Map<String, Object> context) {
        App app = App.Builder.create().context(context).build();
        SecurityWatch deployment = SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
        SecurityWatchApp.checkWithCdkNag(app);
        app.synth();
        return deployment;
    }

    @BeforeAll
    void synthesizeDefaultDeployment() {
        deployment = synthesize(DefaultContext.get());
        central = Template.fromStack(deployment.central());
    }

    private MemberStack member(String account, String region) {
        return deployment.members().stream()
                .filter(m -> m.getStackName().equals(SecurityWatch.memberStackName(account, region)))
                .findFirst().orElseThrow();
    }

    @Test
    void oneMemberStackPerAccountAndRegionNamedForGlobDeploys() {
        assertThat(deployment.members()).extracting(Stack::getStackName).containsExactly(
                "SecurityWatch-Member-111111111111-us-east-1", "SecurityWatch-Member-111111111111-ap-northeast-2",
                "SecurityWatch-Member-111111111111-ap-northeast-1", "SecurityWatch-Member-222222222222-us-east-1",
                "SecurityWatch-Member-222222222222-ap-northeast-1");
        assertThat(deployment.central().getStackName()).isEqualTo("SecurityWatch-Central");
        assertThat(deployment.central().getRegion()).isEqualTo("ap-northeast-1");
    }

    @Test
    void onlyTheConfiguredForwardingRolesMayPutEventsOnTheBus() {
        central.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "security-watch"));
        JsonNode statement = busPolicyStatement(central);
        assertThat(statement.path("Action").asText()).isEqualTo("events:PutEvents");
        assertThat(statement.path("Principal").asText()).isEqualTo("*");
        JsonNode condition = statement.path("Condition");
        assertThat(condition.path("StringEquals").path("aws:PrincipalAccount").toString())
                .isEqualTo("[\"111111111111\",\"222222222222\"]");
        List<String> allowed = new ArrayList<>();
        condition.path("ArnEquals").path("aws:PrincipalArn").forEach(arn -> allowed.add(arn.toString()));
        assertThat(allowed).hasSize(5).allSatisfy(arn -> assertThat(arn).contains(":role/security-watch-forwarding-"));
        assertThat(allowed.toString()).contains("111111111111:role/security-watch-forwarding-ap-northeast-2");
        // As an attacker in a member account would try: any other principal there is not admitted.
        assertThat(allowed.toString()).doesNotContain(":root", ":user/", "security-watch-remediation",
                "222222222222:role/security-watch-forwarding-ap-northeast-2");
        assertThat(central.toJSON().toString()).doesNotContain("aws:PrincipalOrgID");
        for (MemberStack member : deployment.members()) {
            Template.fromStack(member).hasResourceProperties("AWS::IAM::Role", Map.of("RoleName",
                    "security-watch-forwarding-" + member.getRegion()));
        }
    }

    @Test
    void withAnOrganizationOnlyItsForwardingRolesMayPutEvents() {
        SecurityWatch org = synthesize(DefaultContext.withOverrides(Map.of("organizationId", "o-a1b2c3d4e5")));
        JsonNode statement = busPolicyStatement(Template.fromStack(org.central()));
        assertThat(statement.path("Principal").asText()).isEqualTo("*");
        assertThat(statement.path("Condition").path("StringEquals").path("aws:PrincipalOrgID").asText())
                .isEqualTo("o-a1b2c3d4e5");
        assertThat(statement.path("Condition").path("ArnLike").path("aws:PrincipalArn").toString())
                .contains(":iam::*:role/security-watch-forwarding-*");
    }

    private static JsonNode busPolicyStatement(Template template) {
        JsonNode policy = MAPPER.valueToTree(template.findResources("AWS::Events::EventBusPolicy")).elements().next();
        JsonNode statement = policy.path("Properties").path("Statement");
        return statement.isArray() ? statement.get(0) : statement;
    }

    @Test
    void memberRulesTargetTheCentralBusDirectlyWithARoleLimitedToPutEvents() {
        for (MemberStack member : deployment.members()) {
            Template template = Template.fromStack(member);
            Map<String, Map<String, Object>> rules = template.findResources("AWS::Events::Rule");
            assertThat(rules).isNotEmpty();
            for (Map<String, Object> rule : rules.values()) {
                JsonNode props = MAPPER.valueToTree(rule).path("Properties");
                assertThat(props.path("EventBusName").asText()).isEqualTo("default");
                JsonNode target = props.path("Targets").get(0);
                assertThat(target.path("Arn").asText()).isEqualTo(CENTRAL_BUS_ARN);
                assertThat(target.path("RoleArn").path("Fn::GetAtt").get(0).asText()).startsWith("ForwardingPutEventsRole");
                assertThat(target.path("DeadLetterConfig").path("Arn").isMissingNode()).isFalse();
            }
            template.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of(
                    "PolicyName", "PutEventsOnCentralBus",
                    "PolicyDocument", Map.of("Statement", List.of(Map.of(
                            "Action", "events:PutEvents", "Effect", "Allow", "Resource", CENTRAL_BUS_ARN)),
                            "Version", "2012-10-17")))));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 1));
        }
    }

    @Test
    void iamAndOrganizationsPatternsAppearOnlyInUsEast1AndSecurityGroupsEverywhere() {
        for (MemberStack member : deployment.members()) {
            String patterns = patternsOf(member).toString();
            boolean usEast1 = member.getRegion().equals("us-east-1");
            assertThat(patterns.contains("iam.amazonaws.com")).as(member.getStackName()).isEqualTo(usEast1);
            assertThat(patterns.contains("organizations.amazonaws.com")).as(member.getStackName()).isEqualTo(usEast1);
            assertThat(patterns).contains("ModifySecurityGroupRules", "AuthorizeSecurityGroupIngress");
        }
    }

    @Test
    void deployedPatternsForwardRealEventsOnlyInTheRightRegions() {
        PatternMatcher<String> usEast1 = new PatternMatcher<>(Map.of("r", patternsOf(member("111111111111", "us-east-1"))));
        PatternMatcher<String> seoul = new PatternMatcher<>(Map.of("r", patternsOf(member("111111111111", "ap-northeast-2"))));
        Map<String, Labelled> events = new java.util.HashMap<>();
        CorpusEvents.envelopes("cloudtrail/").forEach(e -> events.put(e.path(), e));

        JsonNode createUser = events.get("cloudtrail/iam-CreateUser-IAMUser-awsdocs-1.json").envelope().json();
        JsonNode openPort = events.get("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json").envelope().json();
        JsonNode describe = events.get("cloudtrail/ec2-DescribeInstances-AssumedRole-panther-1.json").envelope().json();
        assertThat(usEast1.matches(createUser)).isNotEmpty();
        assertThat(seoul.matches(createUser)).isEmpty();
        assertThat(usEast1.matches(openPort)).isNotEmpty();
        assertThat(seoul.matches(openPort)).isNotEmpty();
        assertThat(usEast1.matches(describe)).isEmpty();
        assertThat(seoul.matches(describe)).isEmpty();
    }

    @Test
    void centralRuleSendsEveryForwardedSourceToAlertsAndAudit() {
        Map<String, Map<String, Object>> rules = central.findResources("AWS::Events::Rule", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Description", Match.stringLikeRegexp(".*every forwarded.*"))))));
        assertThat(rules).hasSize(1);
        JsonNode props = MAPPER.valueToTree(rules.values().iterator().next()).path("Properties");
        assertThat(props.path("EventPattern").path("source").toString())
                .contains("{\"prefix\":\"aws.\"}", "security-watch.remediation");
        assertThat(props.path("Targets")).hasSize(2)
                .allSatisfy(t -> assertThat(t.path("DeadLetterConfig").isObject()).isTrue());
        assertThat(props.path("Targets").get(1).path("Arn").toString())
                .as("a log-group target ARN has no trailing :*")
                .contains(":log-group:", "EventsLog").doesNotContain("Fn::GetAtt");
        JsonNode logPolicy = MAPPER.valueToTree(central.findResources("AWS::Logs::ResourcePolicy"));
        assertThat(logPolicy.toString()).contains("logs:PutLogEvents", "events.amazonaws.com", "aws:SourceArn",
                "ForwardedEvents");
        // The rule ARN conditions only PutLogEvents, as in EventBridge's documented policy.
        JsonNode eventsLogPolicy = logPolicy.properties().stream().map(java.util.Map.Entry::getValue)
                .filter(policy -> policy.toString().contains("ForwardedEvents")).findFirst().orElseThrow();
        JsonNode statements = joinedJson(eventsLogPolicy.path("Properties").path("PolicyDocument")).path("Statement");
        assertThat(statements).hasSize(2).anySatisfy(statement -> {
            assertThat(statement.path("Action").asText()).isEqualTo("logs:CreateLogStream");
            assertThat(statement.has("Condition")).isFalse();
        }).anySatisfy(statement -> {
            assertThat(statement.path("Action").asText()).isEqualTo("logs:PutLogEvents");
            assertThat(statement.path("Condition").toString()).contains("aws:SourceArn");
        });
    }

    @Test
    void alertsTopicIsEncryptedWithARotatedKeyOnlyTheRulesRoleMayUseAndRequiresTls() {
        central.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AlertsKey.*"), "Arn"))));
        central.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        // No service-principal grant: another account's EventBridge rule could otherwise publish forged alerts.
        assertThat(MAPPER.valueToTree(central.findResources("AWS::KMS::Key")).toString())
                .doesNotContain("events.amazonaws.com");
        assertThat(MAPPER.valueToTree(central.findResources("AWS::SNS::TopicPolicy")).toString())
                .doesNotContain("events.amazonaws.com");
        JsonNode target = MAPPER.valueToTree(central.findResources("AWS::Events::Rule")).elements().next()
                .path("Properties").path("Targets").get(0);
        assertThat(target.path("RoleArn").isObject()).as("the SNS target publishes through a role").isTrue();
        JsonNode policies = MAPPER.valueToTree(central.findResources("AWS::IAM::Policy"));
        assertThat(policies.toString()).contains("sns:Publish", "kms:GenerateDataKey*");
        central.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void eventsLogGroupKeepsTheConfiguredRetention() {
        central.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/security-watch/events",
                "RetentionInDays", 400));
        SecurityWatch shortRetention = synthesize(DefaultContext.withOverrides(Map.of("eventsLogRetentionDays", 90)));
        Template.fromStack(shortRetention.central()).hasResourceProperties("AWS::Logs::LogGroup",
                Map.of("RetentionInDays", 90));
    }

    @Test
    void cdkNagAwsSolutionsReportsNoUnsuppressedErrorsOnAnyStack() {
        List<Stack> stacks = new ArrayList<>(deployment.members());
        stacks.add(deployment.central());
        for (Stack stack : stacks) {
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                    .as(stack.getStackName()).isEmpty();
        }
    }

    @Test
    void everySuppressionCarriesAReason() {
        String all = central.toJSON().toString() + Template.fromStack(deployment.members().get(0)).toJSON();
        JsonNode templates = MAPPER.valueToTree(List.of(central.toJSON(),
                Template.fromStack(deployment.members().get(0)).toJSON()));
        templates.findValues("rules_to_suppress").forEach(rules -> rules.forEach(rule ->
                assertThat(rule.path("reason").asText()).as(rule.toString()).hasSizeGreaterThan(40)));
        assertThat(all).contains("rules_to_suppress");
    }

    /** A policy document that CDK rendered as {@code Fn::Join}: the literal parts, with each token as "TOKEN". */
    private static JsonNode joinedJson(JsonNode join) {
        StringBuilder text = new StringBuilder();
        join.path("Fn::Join").get(1).forEach(part -> text.append(part.isTextual() ? part.asText() : "TOKEN"));
        try {
            return MAPPER.readTree(text.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> patternsOf(Stack stack) {
        List<String> patterns = new ArrayList<>();
        Template.fromStack(stack).findResources("AWS::Events::Rule").values().forEach(rule ->
                patterns.add(MAPPER.valueToTree(rule).path("Properties").path("EventPattern").toString()));
        return patterns;
    }

    @Test
    void stackTagsMarkTheProjectsOwnResources() {
        assertThat(central.toJSON().toString()).contains(ComponentTag.KEY);
        assertThat(Set.copyOf(deployment.members()).size()).isEqualTo(5);
    }
}
