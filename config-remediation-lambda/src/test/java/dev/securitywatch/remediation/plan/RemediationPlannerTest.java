package dev.securitywatch.remediation.plan;

import static dev.securitywatch.remediation.testing.Rules.group;
import static dev.securitywatch.remediation.testing.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.policy.AllowList;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemediationPlannerTest {
    private static final SgRule HTTP = rule("tcp", 80, 80, "0.0.0.0/0");
    private static final SgRule HTTPS = rule("tcp", 443, 443, "0.0.0.0/0");
    private static final SgRule SSH_WORLD = rule("tcp", 22, 22, "0.0.0.0/0");

    private static RemediationPlanner planner(RemediationMode mode) {
        return new RemediationPlanner(RemediationPolicy.defaults().withMode(mode));
    }

    @Test
    void aGroupWithExactlyTheRequiredRulesIsCompliantWithoutActions() {
        Assessment assessment = planner(RemediationMode.ENFORCE).assess(group("sg-1", HTTP, HTTPS));
        assertThat(assessment.compliant()).isTrue();
        assertThat(assessment.hasActions()).isFalse();
    }

    @Test
    void severalCidrsInOneBlockOnlyTheBadOneIsRevoked() {
        // One AWS permission block "tcp/443 from 0.0.0.0/0 and 203.0.113.0/24" plus ssh: only ssh goes.
        SgRule sshOffice = rule("tcp", 22, 22, "203.0.113.0/24");
        RemediationPolicy policy = RemediationPolicy.defaults().withMode(RemediationMode.ENFORCE)
                .withAllowList(new AllowList(List.of(new AllowListEntry(HTTPS, true, "HTTPS"),
                        new AllowListEntry(rule("tcp", 443, 443, "203.0.113.0/24"), false, null))));
        Assessment assessment = new RemediationPlanner(policy).assess(group("sg-1", HTTPS,
                rule("tcp", 443, 443, "203.0.113.0/24"), sshOffice));
        assertThat(assessment.revoke()).containsExactly(sshOffice);
        assertThat(assessment.authorize()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RemediationMode.class)
    void eachModeDecidesWhatIsDone(RemediationMode mode) {
        Assessment assessment = planner(mode).assess(group("sg-1", HTTP, SSH_WORLD));
        assertThat(assessment.compliant()).isFalse();
        assertThat(assessment.violations()).containsExactly(SSH_WORLD);
        assertThat(assessment.missingRequired()).extracting(AllowListEntry::rule).containsExactly(HTTPS);
        assertThat(assessment.revoke()).isEqualTo(mode == RemediationMode.REPORT_ONLY ? List.of() : List.of(SSH_WORLD));
        assertThat(assessment.authorize()).extracting(AllowListEntry::rule)
                .isEqualTo(mode == RemediationMode.ENFORCE ? List.of(HTTPS) : List.of());
    }

    @Test
    void ipv6PrefixListsAndAllTrafficAreCidrOrNotAsTheSourceSays() {
        SgRule ipv6 = rule("tcp", 443, 443, "::/0");
        SgRule all = rule("-1", null, null, "10.0.0.0/8");
        SgRule prefixList = rule("tcp", 443, 443, "pl-63a5400a");
        SgRule reference = rule("tcp", 8080, 8080, "sg-0alb");
        Assessment assessment = planner(RemediationMode.REVOKE_ONLY)
                .assess(group("sg-1", HTTP, HTTPS, ipv6, all, prefixList, reference));
        assertThat(assessment.revoke()).containsExactlyInAnyOrder(ipv6, all);
        assertThat(assessment.kept()).containsExactlyInAnyOrder(
                new KeptRule(prefixList, "prefix list kept"),
                new KeptRule(reference, "security-group reference kept"));
    }

    @Test
    void keptNonCidrRulesAloneLeaveTheGroupCompliant() {
        Assessment assessment = planner(RemediationMode.ENFORCE)
                .assess(group("sg-1", HTTP, HTTPS, rule("tcp", 8080, 8080, "sg-0alb")));
        assertThat(assessment.compliant()).isTrue();
        assertThat(assessment.kept()).hasSize(1);
    }

    @Test
    void nonCidrSourcesAreRevokedOnlyWhenContextOptsIn() {
        RemediationPolicy policy = new RemediationPolicy(RemediationMode.REVOKE_ONLY, AllowList.defaults(), Set.of(),
                RemediationPolicy.DEFAULT_EXEMPT_TAG_KEY, RemediationMode.REPORT_ONLY, RemediationMode.REPORT_ONLY,
                true);
        SgRule reference = rule("tcp", 8080, 8080, "222222222222/sg-0alb");
        Assessment assessment = new RemediationPlanner(policy).assess(group("sg-1", HTTP, HTTPS, reference));
        assertThat(assessment.revoke()).containsExactly(reference);
        assertThat(assessment.kept()).isEmpty();
    }

    @Test
    void anAllowListEntryNamingAReferenceAllowsIt() {
        SgRule reference = rule("tcp", 8080, 8080, "sg-0alb");
        RemediationPolicy policy = RemediationPolicy.defaults().withAllowList(
                new AllowList(List.of(new AllowListEntry(rule("tcp", 8080, 8080, "sg-0alb"), false, null))));
        Assessment assessment = new RemediationPlanner(policy).assess(group("sg-1", reference));
        assertThat(assessment.compliant()).isTrue();
        assertThat(assessment.kept()).isEmpty();
    }

    @Test
    void portRangesInsideAnAllowedRangeAreAllowedAndWiderOnesAreNot() {
        RemediationPolicy policy = RemediationPolicy.defaults().withMode(RemediationMode.REVOKE_ONLY).withAllowList(
                new AllowList(List.of(new AllowListEntry(rule("tcp", 8000, 8999, "10.0.0.0/8"), false, null))));
        SgRule inside = rule("tcp", 8080, 8090, "10.20.0.0/16");
        SgRule wider = rule("tcp", 7000, 8100, "10.20.0.0/16");
        Assessment assessment = new RemediationPlanner(policy).assess(group("sg-1", inside, wider));
        assertThat(assessment.revoke()).containsExactly(wider);
    }

    @Test
    void everyExemptionPathIsCompliantWithoutActionsAndSaysWhy() {
        RemediationPolicy policy = RemediationPolicy.defaults().withMode(RemediationMode.ENFORCE)
                .withExemptGroups(Set.of("sg-listed"));
        RemediationPlanner planner = new RemediationPlanner(policy);
        Map<SecurityGroup, String> cases = Map.of(
                group("sg-listed", SSH_WORLD), "listed in exemptSecurityGroupIds",
                group("sg-tagged", "app", Map.of("security-watch:exempt", "ticket-42"), SSH_WORLD),
                "tagged security-watch:exempt",
                group("sg-own", "app", Map.of("security-watch:component", "opensearch"), SSH_WORLD),
                "Security Watch's own group (security-watch:component=opensearch)");
        cases.forEach((group, reason) -> {
            Assessment assessment = planner.assess(group);
            assertThat(assessment.compliant()).isTrue();
            assertThat(assessment.hasActions()).isFalse();
            assertThat(assessment.exemption()).contains(reason);
        });
    }

    @Test
    void theExemptTagKeyComesFromContext() {
        RemediationPolicy policy = new RemediationPolicy(RemediationMode.ENFORCE, AllowList.defaults(), Set.of(),
                "team:exempt", RemediationMode.REPORT_ONLY, RemediationMode.REPORT_ONLY, false);
        RemediationPlanner planner = new RemediationPlanner(policy);
        assertThat(planner.assess(group("sg-1", "app", Map.of("team:exempt", ""), SSH_WORLD)).exemption()).isPresent();
        assertThat(planner.assess(group("sg-1", "app", Map.of("security-watch:exempt", ""), SSH_WORLD)).exemption())
                .isEmpty();
    }

    @Test
    void defaultGroupsFollowTheirPolicyAndGetAdvice() {
        Assessment assessment = planner(RemediationMode.ENFORCE).assess(group("sg-d", "default", Map.of(),
                HTTP, HTTPS, SSH_WORLD));
        assertThat(assessment.special()).contains(SpecialGroup.DEFAULT_GROUP);
        assertThat(assessment.mode()).isEqualTo(RemediationMode.REPORT_ONLY);
        assertThat(assessment.hasActions()).isFalse();
        assertThat(assessment.violations()).containsExactly(SSH_WORLD);
        assertThat(assessment.advice()).hasValueSatisfying(advice -> assertThat(advice)
                .contains("default security group sg-d").contains("remove tcp/22 from 0.0.0.0/0"));
    }

    @Test
    void cloudFormationGroupsAdviseFixingTheTemplate() {
        Assessment assessment = planner(RemediationMode.ENFORCE).assess(group("sg-cfn", "web",
                Map.of("aws:cloudformation:stack-name", "shop-prod"), HTTP, SSH_WORLD));
        assertThat(assessment.special()).contains(SpecialGroup.CLOUDFORMATION_MANAGED);
        assertThat(assessment.hasActions()).isFalse();
        assertThat(assessment.advice()).hasValueSatisfying(advice -> assertThat(advice)
                .startsWith("Fix the template of stack shop-prod (remove tcp/22 from 0.0.0.0/0; add tcp/443"));
    }

    @Test
    void aSpecialGroupPolicyCanAllowActionButNeverBeyondTheGlobalMode() {
        RemediationPolicy policy = new RemediationPolicy(RemediationMode.REVOKE_ONLY, AllowList.defaults(), Set.of(),
                RemediationPolicy.DEFAULT_EXEMPT_TAG_KEY, RemediationMode.ENFORCE, RemediationMode.ENFORCE, false);
        Assessment assessment = new RemediationPlanner(policy).assess(group("sg-d", "default", Map.of(), SSH_WORLD));
        assertThat(assessment.mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(assessment.revoke()).containsExactly(SSH_WORLD);
        assertThat(assessment.authorize()).isEmpty();
        assertThat(assessment.advice()).isPresent();
    }

    @Test
    void aCompliantSpecialGroupGetsNoAdvice() {
        assertThat(planner(RemediationMode.ENFORCE).assess(group("sg-d", "default", Map.of(), HTTP, HTTPS)).advice())
                .isEmpty();
    }
}
