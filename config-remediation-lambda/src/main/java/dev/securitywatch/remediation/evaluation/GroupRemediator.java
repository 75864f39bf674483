package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.group.SecurityGroupStore;
import dev.securitywatch.remediation.group.SecurityGroupStore.AuthorizedRule;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.plan.Assessment;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.rule.LiveRule;
import dev.securitywatch.remediation.rule.SgRule;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one recorded group state and, in the chosen mode, fixes the live group. Compliance always describes
 * the recorded state (a violation stays NON_COMPLIANT even when fixed); actions are planned from the live rules,
 * read just before writing, so a stale item never causes a wrong write and a fixed group costs no writes.
 */
public final class GroupRemediator {
    private final RemediationPlanner planner;
    private final SecurityGroupStore groups;

    public GroupRemediator(RemediationPlanner planner, SecurityGroupStore groups) {
        this.planner = planner;
        this.groups = groups;
    }

    public GroupOutcome remediate(SecurityGroup recorded, String region, Instant captureTime) {
        Assessment assessment = planner.assess(recorded);
        if (assessment.compliant()) {
            return new GroupOutcome(evaluation(recorded, Compliance.COMPLIANT, Annotations.compliant(assessment),
                    captureTime), Optional.empty());
        }
        Execution execution = assessment.hasActions() ? execute(assessment) : Execution.nothing();
        String annotation = Annotations.nonCompliant(assessment, execution);
        RemediationResult result = new RemediationResult(recorded.ownerAccount(), region, recorded.groupId(),
                recorded.groupName(), recorded.vpcId(), assessment.mode(), Compliance.NON_COMPLIANT, annotation,
                execution.revoked(), execution.authorized(), assessment.kept(), assessment.violations(),
                assessment.special(), assessment.advice(), Optional.empty(), captureTime, execution.error());
        return new GroupOutcome(evaluation(recorded, Compliance.NON_COMPLIANT, annotation, captureTime),
                Optional.of(result));
    }

    /**
     * Plans from the live group, never from the item: a configuration item may be stale or forged, so whether the
     * group exists, is exempt, is a default or CloudFormation group, and which rules it has are read from EC2 just
     * before any write.
     */
    private Execution execute(Assessment recorded) {
        String groupId = recorded.group().groupId();
        Optional<SecurityGroup> current;
        List<LiveRule> live;
        try {
            current = groups.group(groupId);
            live = current.isPresent() ? groups.ingressRules(groupId) : List.of();
        } catch (SecurityGroupStore.StoreException e) {
            return new Execution(List.of(), List.of(), false, Optional.of("not remediated, reading the live group"
                    + " failed: " + e.getMessage()));
        }
        if (current.isEmpty()) {
            return new Execution(List.of(), List.of(), false, Optional.of("not remediated: the group no longer"
                    + " exists in this account and region"));
        }
        Assessment plan = planner.assess(current.get().withIngress(live.stream().map(LiveRule::rule).toList()));
        if (plan.exemption().isPresent()) {
            return new Execution(List.of(), List.of(), false, Optional.of("not remediated: the live group is exempt"
                    + " now (" + plan.exemption().get() + ")"));
        }
        List<SgRule> authorized = List.of();
        List<SgRule> revoked = List.of();
        String error = null;
        // Add before revoking: a required rule that a too-wide rule also covers never goes missing in between.
        if (!plan.authorize().isEmpty()) {
            try {
                groups.authorize(groupId, plan.authorize().stream()
                        .map(entry -> new AuthorizedRule(entry.rule(), description(entry))).toList());
                authorized = plan.authorize().stream().map(AllowListEntry::rule).toList();
            } catch (SecurityGroupStore.StoreException e) {
                error = "authorize failed: " + e.getMessage();
            }
        }
        if (!plan.revoke().isEmpty()) {
            Set<SgRule> toRevoke = new HashSet<>(plan.revoke());
            try {
                groups.revoke(groupId, live.stream().filter(rule -> toRevoke.contains(rule.rule()))
                        .map(LiveRule::ruleId).toList());
                revoked = plan.revoke();
            } catch (SecurityGroupStore.StoreException e) {
                error = (error == null ? "" : error + "; ") + "revoke failed: " + e.getMessage();
            }
        }
        return new Execution(revoked, authorized, !plan.hasActions(), Optional.ofNullable(error));
    }

    private static String description(AllowListEntry entry) {
        return "security-watch" + (entry.description() == null ? "" : ": " + entry.description());
    }

    private static Evaluation evaluation(SecurityGroup group, Compliance compliance, String annotation,
                                         Instant captureTime) {
        return new Evaluation(ConfigurationItem.SECURITY_GROUP_TYPE, group.groupId(), compliance, annotation,
                captureTime);
    }
}
