package dev.securitywatch.notifier.suppress;

import static dev.securitywatch.notifier.support.SuppressionLists.TEST_ADMIN;
import static dev.securitywatch.notifier.support.SuppressionLists.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.notifier.support.SuppressionLists;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What becomes of a real rendered alert under muting and each kind of suppression. */
class NoiseRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    /** MEDIUM: a security-group ingress rule from a private range, by the role TestAdmin. */
    private static final Alert SG_CHANGE = alert("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json");
    /** CRITICAL: SSH opened to the world, by the role Operator. */
    private static final Alert SSH_WORLD = alert("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json");

    private static Alert alert(String path) {
        return Rendering.RENDERER.render(Rendering.parse(AcceptanceData.text(path)).get(0)).alert();
    }

    private static NoiseRules rules(String... entries) {
        return new NoiseRules(false, SuppressionLists.of("[" + String.join(", ", entries) + "]"));
    }

    @Test
    void withoutSuppressionsEveryAlertPostsAsItIs() {
        NoiseRules.Verdict verdict = NoiseRules.NONE.judge(SG_CHANGE, NOW);

        assertThat(verdict.outcome()).isEqualTo(NoiseRules.Outcome.POST);
        assertThat(verdict.alert()).isSameAs(SG_CHANGE);
        assertThat(verdict.by()).isEmpty();
    }

    @Test
    void dropSummaryOnlyAndDowngradeAreEachWhatTheyAre() {
        String byTestAdmin = "{'actorArn': '" + TEST_ADMIN + "'}";

        assertThat(rules(entry("x", byTestAdmin, "drop")).judge(SG_CHANGE, NOW).outcome())
                .isEqualTo(NoiseRules.Outcome.DROPPED);
        NoiseRules.Verdict summaryOnly = rules(entry("x", byTestAdmin, "summary-only")).judge(SG_CHANGE, NOW);
        assertThat(summaryOnly.outcome()).isEqualTo(NoiseRules.Outcome.SUMMARY_ONLY);
        assertThat(summaryOnly.summaryOnly()).isPresent();

        NoiseRules.Verdict downgraded = rules(entry("x", byTestAdmin, "downgrade")).judge(SG_CHANGE, NOW);
        assertThat(downgraded.outcome()).isEqualTo(NoiseRules.Outcome.DOWNGRADED);
        assertThat(SG_CHANGE.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(downgraded.alert().severity()).isEqualTo(Severity.LOW);
        assertThat(downgraded.alert().notes().get(0)).isEqualTo("⬇ Lowered from MEDIUM to LOW by suppression x:"
                + " platform pipeline (owner platform@example.com, until 2099-12-31)");
        assertThat(downgraded.summaryOnly()).isEmpty();
    }

    @Test
    void aCriticalAlertPassesEveryEntryThatDoesNotIncludeCritical() {
        String ingress = "{'eventNames': ['AuthorizeSecurityGroupIngress']}";
        for (String action : new String[] {"drop", "summary-only", "downgrade"}) {
            assertThat(rules(entry("x", ingress, action)).judge(SSH_WORLD, NOW).outcome()).as(action)
                    .isEqualTo(NoiseRules.Outcome.POST);
            assertThat(rules(entry("x", ingress, action)).judge(SG_CHANGE, NOW).outcome()).as(action)
                    .isNotEqualTo(NoiseRules.Outcome.POST);
        }
        String explicit = "{'id': 'x', 'match': " + ingress + ", 'action': 'downgrade', 'reason': 'r',"
                + " 'owner': 'o', 'expires': '2099-12-31', 'includeCritical': true}";
        NoiseRules.Verdict downgraded = rules(explicit).judge(SSH_WORLD, NOW);
        assertThat(downgraded.alert().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void muteAutomationNeverMutesCritical() {
        Alert automated = new Alert(SG_CHANGE.dedupKey(), SG_CHANGE.kind(), SG_CHANGE.severity(), SG_CHANGE.tone(),
                SG_CHANGE.headline(), SG_CHANGE.title(), SG_CHANGE.category(), SG_CHANGE.accountId(),
                SG_CHANGE.region(), SG_CHANGE.reasons(), true, SG_CHANGE.fields(), SG_CHANGE.sections(),
                SG_CHANGE.links(), SG_CHANGE.notes(), SG_CHANGE.subject());
        Alert automatedCritical = new Alert(SSH_WORLD.dedupKey(), SSH_WORLD.kind(), SSH_WORLD.severity(),
                SSH_WORLD.tone(), SSH_WORLD.headline(), SSH_WORLD.title(), SSH_WORLD.category(),
                SSH_WORLD.accountId(), SSH_WORLD.region(), SSH_WORLD.reasons(), true, SSH_WORLD.fields(),
                SSH_WORLD.sections(), SSH_WORLD.links(), SSH_WORLD.notes(), SSH_WORLD.subject());
        NoiseRules mute = new NoiseRules(true, Suppressions.NONE);

        assertThat(mute.judge(automated, NOW).outcome()).isEqualTo(NoiseRules.Outcome.MUTED);
        assertThat(mute.judge(automatedCritical, NOW).outcome()).isEqualTo(NoiseRules.Outcome.POST);
    }

    @Test
    void anExpiredEntryNoLongerAppliesAndTheVerdictNamesItSoTheLogCanSayWhy() {
        NoiseRules rules = rules(entry("old", "{'eventNames': ['AuthorizeSecurityGroupIngress']}", "drop")
                .replace("2099-12-31", "2026-11-30"));

        NoiseRules.Verdict verdict = rules.judge(SG_CHANGE, NOW);

        assertThat(verdict.outcome()).isEqualTo(NoiseRules.Outcome.POST);
        assertThat(verdict.expired()).map(s -> s.id()).contains("old");
    }

    @Test
    void aLookAlikeRoleIsNotCoveredByAnotherRolesEntry() {
        NoiseRules rules = rules(entry("x", "{'actorArn': '" + TEST_ADMIN + "-ci'}", "drop"),
                entry("y", "{'actorArn': 'arn:aws:sts::999999999999:assumed-role/TestAdmin'}", "drop"));

        assertThat(rules.judge(SG_CHANGE, NOW).outcome()).isEqualTo(NoiseRules.Outcome.POST);
    }
}
