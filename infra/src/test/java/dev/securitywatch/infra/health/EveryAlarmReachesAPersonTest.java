package dev.securitywatch.infra.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.HealthEntries;
import dev.securitywatch.catalog.pattern.PatternMatcher;
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
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * Every alarm of every stack reaches a person: central alarms notify the health topic on ALARM and OK, member alarms
 * are named so the member's own forwarding rules carry their state changes to the security account. And an alarm
 * added without that fails synth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryAlarmReachesAPersonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SecurityWatch deployment;

    private static SecurityWatch build(Map<String, Object> context) {
        App app = App.Builder.create().context(context).build();
        return SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read());
    }

    @BeforeAll
    void synthesize() {
        deployment = build(DefaultContext.withOverrides(Map.of("health", Map.of(
                "emails", List.of("oncall@example.com"), "slackChannel", "C0HEALTH01"))));
        ((App) deployment.central().getNode().getRoot()).synth();
    }

    @Test
    void everyCentralAlarmNotifiesTheHealthTopicWhenItFiresAndWhenItRecovers() {
        Template central = Template.fromStack(deployment.central());
        Map<String, Map<String, Object>> alarms = central.findResources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(8);
        String topic = central.findResources("AWS::SNS::Topic", Match.objectLike(Map.of("Properties",
                Map.of("DisplayName", "Security Watch health")))).keySet().iterator().next();
        for (Map.Entry<String, Map<String, Object>> alarm : alarms.entrySet()) {
            JsonNode props = MAPPER.valueToTree(alarm.getValue()).path("Properties");
            assertThat(props.path("AlarmActions").toString()).as(alarm.getKey()).contains("\"Ref\":\"" + topic + "\"");
            assertThat(props.path("OKActions").toString()).as(alarm.getKey()).contains("\"Ref\":\"" + topic + "\"");
        }
        central.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "Endpoint", "oncall@example.com", "TopicArn", Map.of("Ref", topic)));
        central.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs",
                "TopicArn", Map.of("Ref", topic)));
    }

    @Test
    void everyMemberAlarmIsNamedForForwardingAndTheMembersRulesForwardItsStateChanges() {
        for (MemberStack member : deployment.members()) {
            Template template = Template.fromStack(member);
            Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
            assertThat(alarms).as(member.getStackName()).isNotEmpty();
            PatternMatcher<String> rules = new PatternMatcher<>(Map.of("rules", patternsOf(template)));
            for (Map<String, Object> alarm : alarms.values()) {
                String name = MAPPER.valueToTree(alarm).path("Properties").path("AlarmName").asText();
                assertThat(name).startsWith(HealthEntries.MEMBER_ALARM_PREFIX).hasSizeLessThan(256);
                assertThat(rules.matches(stateChange(name, "ALARM"))).as(name).isNotEmpty();
                assertThat(rules.matches(stateChange(name, "OK"))).as(name + " recovering").isNotEmpty();
            }
            assertThat(rules.matches(stateChange("SomeoneElsesAlarm", "ALARM"))).isEmpty();
        }
    }

    @Test
    void healthMessagesGoToTheHealthChannelBeforeAnyOtherRoute() {
        Template.fromStack(deployment.central()).hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of("SLACK_ROUTES", Match.stringLikeRegexp(
                        "^\\[\\{\"categories\":\\[\"health\"\\],\"channel\":\"C0HEALTH01\"\\}.*")))))));
    }

    @Test
    void aCentralAlarmWithoutTheHealthTopicFailsSynth() {
        SecurityWatch unwired = build(DefaultContext.get());
        addAlarm(unwired.central());

        assertThatThrownBy(() -> ((App) unwired.central().getNode().getRoot()).synth())
                .hasMessageContaining("Forgotten").hasMessageContaining("reaches no one");
    }

    @Test
    void aMemberAlarmWithoutTheForwardedNameFailsSynth() {
        SecurityWatch unwired = build(DefaultContext.get());
        addAlarm(unwired.members().get(0));

        assertThatThrownBy(() -> ((App) unwired.central().getNode().getRoot()).synth())
                .hasMessageContaining("Forgotten").hasMessageContaining("must be named");
    }

    /** An alarm added after the stack was built, as a later change might forget to wire it. */
    private static void addAlarm(Stack stack) {
        Alarm.Builder.create(stack, "Forgotten")
                .metric(Metric.Builder.create().namespace("Test").metricName("Forgotten").build())
                .threshold(1).evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
    }

    private static JsonNode stateChange(String alarmName, String state) {
        return MAPPER.createObjectNode().put("version", "0").put("id", "1").put("source", "aws.cloudwatch")
                .put("detail-type", "CloudWatch Alarm State Change").put("account", "111111111111")
                .put("region", "us-east-1").put("time", "2026-12-04T00:00:00Z")
                .set("detail", MAPPER.createObjectNode().put("alarmName", alarmName)
                        .set("state", MAPPER.createObjectNode().put("value", state)));
    }

    private static List<String> patternsOf(Template template) {
        List<String> patterns = new ArrayList<>();
        template.findResources("AWS::Events::Rule").values().forEach(rule ->
                patterns.add(MAPPER.valueToTree(rule).path("Properties").path("EventPattern").toString()));
        return patterns;
    }
}
