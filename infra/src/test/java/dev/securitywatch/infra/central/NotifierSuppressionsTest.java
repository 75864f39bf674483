package dev.securitywatch.infra.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.infra.lambda.LambdaSettings;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.SecurityWatch;
import dev.securitywatch.infra.SecurityWatchApp;
import dev.securitywatch.infra.config.ContextReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.Stack;

/** alerts.suppress in the central stack: the notifier's copy, the weekly digest schedule, and expiry warnings. */
class NotifierSuppressionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Map<String, Object> entry(String id, LocalDate expires) {
        return Map.of("id", id, "match", Map.of("eventNames", List.of("CreateTags")), "action", "drop",
                "reason", "pipeline tags", "owner", "platform@example.com", "expires", expires.toString());
    }

    private static Stack central(Map<String, Object> alerts) {
        App app = App.Builder.create().context(DefaultContext.withOverrides(Map.of("alerts", alerts))).build();
        Stack central = SecurityWatch.build(app, new ContextReader(app.getNode()::tryGetContext,
                SecurityWatchApp.knownRegions()).read()).central();
        SecurityWatchApp.checkWithCdkNag(app);
        app.synth();
        return central;
    }

    @Test
    void theNotifierGetsTheListAsWrittenAndAWeeklyDigestScheduleInvokesItsAlias() {
        List<Map<String, Object>> list = List.of(entry("terraform-tags", TODAY.plusDays(90)));
        Stack stack = central(Map.of("suppress", list, "digestSchedule", "cron(00 08 ? * FRI *)",
                "digestTimezone", "Europe/Berlin"));
        Template template = Template.fromStack(stack);

        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .as("cdk-nag").isEmpty();
        assertThat(LambdaSettings.of(stack, Notifier.HANDLER).get("SUPPRESSIONS"))
                .isEqualTo(MAPPER.valueToTree(list).toString());
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "cron(00 08 ? * FRI *)",
                "ScheduleExpressionTimezone", "Europe/Berlin",
                "Target", Match.objectLike(Map.of(
                        "Arn", Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("NotifierLambdaLive.*"))),
                        "Input", "{\"securityWatch\":\"suppression-digest\"}"))));
    }

    @Test
    void withoutSuppressionsThereIsNoDigestAndNoVariable() {
        Stack stack = central(Map.of());
        Template template = Template.fromStack(stack);

        assertThat(LambdaSettings.of(stack, Notifier.HANDLER)).doesNotContainKey("SUPPRESSIONS");
        assertThat(template.findResources("AWS::Scheduler::Schedule").keySet())
                .noneMatch(id -> id.startsWith("NotifierDigest"));
    }

    @Test
    void synthWarnsAboutEntriesThatExpireWithinAWeekOrHaveExpired() {
        Stack stack = central(Map.of("suppress", List.of(entry("soon", TODAY.plusDays(3)),
                entry("later", TODAY.plusDays(60)), entry("ended", TODAY.minusDays(2)))));

        Annotations annotations = Annotations.fromStack(stack);
        annotations.hasWarning("*", Match.stringLikeRegexp("alerts.suppress entry soon \\(owner platform@example.com\\)"
                + " expires on " + TODAY.plusDays(3) + ": renew or remove it.*"));
        annotations.hasWarning("*", Match.stringLikeRegexp("alerts.suppress entry ended .* expired on "
                + TODAY.minusDays(2) + " and no longer applies: remove it.*"));
        annotations.hasNoWarning("*", Match.stringLikeRegexp(".*entry later.*"));
    }
}
