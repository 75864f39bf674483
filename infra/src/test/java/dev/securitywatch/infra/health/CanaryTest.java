package dev.securitywatch.infra.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.pattern.PatternMatcher;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.SecurityWatch;
import dev.securitywatch.infra.SecurityWatchApp;
import dev.securitywatch.infra.config.ContextReader;
import dev.securitywatch.infra.lambda.LambdaSettings;
import dev.securitywatch.infra.member.MemberStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The canary of every member account and region, and the security account's side: its heartbeat travels the member's
 * own forwarding rules, reaches the heartbeat tracker and never the alerts-and-audit rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private SecurityWatch deployment;
    private Template central;

    @BeforeAll
    void synthesize() {
        App app = App.Builder.create().context(DefaultContext.withOverrides(Map.of("health",
                Map.of("canaryMinutes", 10)))).build();
        deployment = SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
        app.synth();
        central = Template.fromStack(deployment.central());
    }

    @Test
    void everyMemberRegionWritesItsCanaryParameterOnScheduleWithARoleThatMayDoNothingElse() {
        for (MemberStack member : deployment.members()) {
            Template template = Template.fromStack(member);
            String region = member.getRegion();
            template.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name", "/security-watch/canary"));
            template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                    "ScheduleExpression", "rate(10 minutes)",
                    "Target", Match.objectLike(Map.of("Input", "{\"Name\":\"/security-watch/canary\",\"Value\":"
                                    + "\"<aws.scheduler.scheduled-time>\",\"Overwrite\":true,\"Type\":\"String\"}",
                            "RetryPolicy", Map.of("MaximumRetryAttempts", 0, "MaximumEventAgeInSeconds", 60)))));
            String schedules = MAPPER.valueToTree(template.findResources("AWS::Scheduler::Schedule")).toString();
            assertThat(schedules).contains(":scheduler:::aws-sdk:ssm:putParameter");
            template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "security-watch-canary-" + region));
            JsonNode canaryPolicies = MAPPER.valueToTree(template.findResources("AWS::IAM::Policy", Match.objectLike(
                    Map.of("Properties", Match.objectLike(Map.of("Roles", List.of(Map.of("Ref",
                            Match.stringLikeRegexp("CanaryRole.*")))))))));
            assertThat(canaryPolicies.toString()).contains("ssm:PutParameter", "CanaryParameter")
                    .doesNotContain("\"ssm:*\"", "\"Resource\":\"*\"", "ec2:", "lambda:");
            boolean global = schedules.contains(":scheduler:::aws-sdk:iam:tagRole");
            assertThat(global).as(member.getStackName() + ": the global-services canary lives in us-east-1 only")
                    .isEqualTo(region.equals("us-east-1"));
        }
    }

    @Test
    void aHeartbeatTravelsTheMembersRulesAndReachesOnlyTheTracker() {
        for (MemberStack member : deployment.members()) {
            String region = member.getRegion();
            JsonNode heartbeat = call("ssm", "PutParameter", "security-watch-canary-" + region, region,
                    "{\"name\":\"/security-watch/canary\",\"overwrite\":true}");
            assertThat(new PatternMatcher<>(Map.of("member", patternsOf(Template.fromStack(member))))
                    .matches(heartbeat)).as(member.getStackName()).isNotEmpty();
        }
        PatternMatcher<String> rules = new PatternMatcher<>(centralRules());
        assertThat(rules.matches(call("ssm", "PutParameter", "security-watch-canary-ap-northeast-1", "ap-northeast-1",
                "{\"name\":\"/security-watch/canary\"}"))).containsExactly("Security Watch: member canaries'"
                + " heartbeats to the notifier's heartbeat tracker");
        assertThat(rules.matches(call("iam", "TagRole", "security-watch-canary-us-east-1", "us-east-1",
                "{\"roleName\":\"security-watch-canary-us-east-1\"}"))).hasSize(1)
                .allSatisfy(rule -> assertThat(rule).contains("heartbeat tracker"));
        assertThat(rules.matches(call("iam", "CreateUser", "security-watch-canary-us-east-1", "us-east-1",
                "{\"userName\":\"backdoor\"}"))).as("the canary's role doing anything else is an alert")
                .singleElement().satisfies(rule -> assertThat(rule).contains("every forwarded"));
    }

    @Test
    void theCoverageOfTheConfiguredPathsIsReportedDaily() {
        central.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "cron(00 09 * * ? *)",
                "Target", Match.objectLike(Map.of("Input", "{\"securityWatch\":\"coverage-check\"}"))));
        Map<String, String> notifier = LambdaSettings.of(deployment.central(), "NotifierHandler");
        assertThat(notifier.get("SECURITY_ACCOUNT")).matches("\\d{12}");
        assertThat(notifier.get("MEMBER_PATHS")).contains("\"111111111111\":[\"us-east-1\"");
    }

    @Test
    void theMembershipWatchWritesTheOrganizationAndTheCoverageCheckReadsItAndKeepsItsReport() {
        central.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler",
                Match.stringLikeRegexp(".*NotifierHandler.*"), "Environment", Map.of("Variables", Match.objectLike(
                        Map.of("COVERAGE_BUCKET", Map.of("Ref", Match.stringLikeRegexp("MembershipWatchSnapshots.*"))))))));
        central.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler",
                Match.stringLikeRegexp(".*HubMemberCheckHandler.*"), "Environment", Map.of("Variables",
                        Match.objectLike(Map.of("SECURITY_ACCOUNT", "123456789012"))))));
        central.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler",
                Match.stringLikeRegexp(".*NotifierHandler.*"), "Environment", Map.of("Variables",
                        Match.objectLike(Map.of("DEPLOYMENT_LOWERS_SEVERITY", "true"))))));
        String notifier = policiesOf("NotifierLambdaRole");
        assertThat(notifier).contains("\"s3:GetObject\"", "/organization/inventory.json", "\"s3:PutObject\"",
                "/coverage/*").doesNotContain("/snapshots/", "s3:DeleteObject");
        String membership = policiesOf("MembershipWatchLambdaRole");
        assertThat(membership).contains("account:ListRegions", ":account/o-*/*", "/organization/inventory.json")
                .doesNotContain("/coverage/", "account:Put", "account:Enable", "account:Disable");
    }

    @Test
    void theNotifierKnowsSecurityWatchsOwnKeysSoAChangeToOneIsCritical() {
        JsonNode notifier = MAPPER.valueToTree(central.findResources("AWS::Lambda::Function", Match.objectLike(
                Map.of("Properties", Match.objectLike(Map.of("Handler",
                        Match.stringLikeRegexp(".*NotifierHandler.*"))))))).elements().next();
        String ownKeys = notifier.path("Properties").path("Environment").path("Variables").path("OWN_KEYS").toString();
        assertThat(ownKeys).contains("AlertsKey", "MembershipWatchSnapshotsKey", "Arn");
    }

    private String policiesOf(String rolePrefix) {
        return MAPPER.valueToTree(central.findResources("AWS::IAM::Policy", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("Roles", Match.arrayWith(List.of(Map.of("Ref",
                        Match.stringLikeRegexp(rolePrefix + ".*")))))))))).toString();
    }

    @Test
    void theSecurityAccountChecksTheHeartbeatsEveryCanaryInterval() {
        central.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(10 minutes)",
                "Target", Match.objectLike(Map.of("Input", "{\"securityWatch\":\"heartbeat-check\"}"))));
        central.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Environment", Map.of(
                "Variables", Match.objectLike(Map.of("CANARY_MINUTES", "10",
                        "HEARTBEAT_TABLE_NAME", Match.anyValue()))))));
        Map<String, Map<String, Object>> heartbeatRules = central.findResources("AWS::Events::Rule",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Description",
                        Match.stringLikeRegexp(".*heartbeat tracker.*"))))));
        JsonNode targets = MAPPER.valueToTree(heartbeatRules).elements().next().path("Properties").path("Targets");
        assertThat(targets).as("the alerts topic only: never the audit log").hasSize(1);
        assertThat(targets.get(0).path("Arn").toString()).contains("AlertsTopic");
    }

    @Test
    void theHealthDashboardShowsTheFlowTheQueuesAndTheCanaries() {
        central.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "SecurityWatch-Health"));
        String body = MAPPER.valueToTree(central.findResources("AWS::CloudWatch::Dashboard")).toString();
        assertThat(body).contains("TriggeredRules", "FailedInvocations", "Delivered", "Throttled", "Failed",
                "Requeued", "ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                "OldestHeartbeatMinutes", "SilentPaths", "security-watch-notifier");
        int deadLetterQueues = central.findResources("AWS::SQS::Queue").size() - 1;
        assertThat(body.split("ApproximateNumberOfMessagesVisible", -1).length - 1)
                .as("every dead-letter queue of the stack (all queues but the alerts queue)")
                .isEqualTo(deadLetterQueues);
    }

    private Map<String, List<String>> centralRules() {
        Map<String, List<String>> rules = new java.util.LinkedHashMap<>();
        central.findResources("AWS::Events::Rule").values().forEach(rule -> {
            JsonNode props = MAPPER.valueToTree(rule).path("Properties");
            rules.put(props.path("Description").asText(), List.of(props.path("EventPattern").toString()));
        });
        return rules;
    }

    private static JsonNode call(String service, String eventName, String role, String region, String request) {
        try {
            return MAPPER.readTree("{\"version\":\"0\",\"id\":\"1\",\"source\":\"aws." + service + "\","
                    + "\"detail-type\":\"AWS API Call via CloudTrail\",\"account\":\"111111111111\",\"region\":\""
                    + region + "\",\"time\":\"2026-12-04T00:00:00Z\",\"detail\":{\"eventSource\":\"" + service
                    + ".amazonaws.com\",\"eventName\":\"" + eventName + "\",\"userIdentity\":{\"type\":\"AssumedRole\","
                    + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"" + role + "\"}}},"
                    + "\"requestParameters\":" + request + "}}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> patternsOf(Template template) {
        List<String> patterns = new ArrayList<>();
        template.findResources("AWS::Events::Rule").values().forEach(rule ->
                patterns.add(MAPPER.valueToTree(rule).path("Properties").path("EventPattern").toString()));
        return patterns;
    }
}
