package dev.securitywatch.remediation.plan;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.rule.SgRule;
import dev.securitywatch.remediation.rule.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure planning: compares a group's canonical ingress rules with the policy. Plans converge by construction:
 * revoked rules are exactly those no entry covers, added rules are required entries, and a required entry is
 * always allowed, so applying a plan and planning again yields no actions.
 */
public final class RemediationPlanner {
    private static final int ADVICE_RULES = 3;

    private final RemediationPolicy policy;

    public RemediationPlanner(RemediationPolicy policy) {
        this.policy = policy;
    }

    public RemediationPolicy policy() {
        return policy;
    }

    public Assessment assess(SecurityGroup group) {
        Optional<SpecialGroup> special = special(group);
        RemediationMode mode = special.map(this::specialPolicy).map(policy.mode()::atMost).orElse(policy.mode());
        Optional<String> exemption = exemption(group);
        if (exemption.isPresent()) {
            return new Assessment(group, mode, exemption, special, List.of(), List.of(), List.of(), List.of(),
                    List.of(), Optional.empty());
        }
        List<SgRule> violations = new ArrayList<>();
        List<KeptRule> kept = new ArrayList<>();
        for (SgRule rule : group.ingress()) {
            if (policy.allowList().allows(rule)) {
                continue;
            }
            if (rule.hasCidrSource() || policy.revokeNonCidrSources()) {
                violations.add(rule);
            } else {
                kept.add(new KeptRule(rule, keptReason(rule)));
            }
        }
        List<AllowListEntry> missing = policy.allowList().required().stream()
                .filter(entry -> !group.ingress().contains(entry.rule()))
                .toList();
        Optional<String> advice = special.filter(s -> !violations.isEmpty() || !missing.isEmpty())
                .map(s -> advice(s, group, violations, missing));
        return new Assessment(group, mode, exemption, special, violations, kept, missing,
                mode.revokes() ? violations : List.of(), mode.authorizes() ? missing : List.of(), advice);
    }

    private Optional<String> exemption(SecurityGroup group) {
        String component = group.tags().get(SecurityGroup.OWN_COMPONENT_TAG);
        if (component != null) {
            return Optional.of("Security Watch's own group (" + SecurityGroup.OWN_COMPONENT_TAG + "="
                    + component + ")");
        }
        if (policy.exemptGroupIds().contains(group.groupId())) {
            return Optional.of("listed in exemptSecurityGroupIds");
        }
        if (group.tags().containsKey(policy.exemptTagKey())) {
            return Optional.of("tagged " + policy.exemptTagKey());
        }
        return Optional.empty();
    }

    private static Optional<SpecialGroup> special(SecurityGroup group) {
        if (group.isDefaultGroup()) {
            return Optional.of(SpecialGroup.DEFAULT_GROUP);
        }
        return group.cloudFormationStack().map(stack -> SpecialGroup.CLOUDFORMATION_MANAGED);
    }

    private RemediationMode specialPolicy(SpecialGroup special) {
        return special == SpecialGroup.DEFAULT_GROUP ? policy.defaultGroupPolicy() : policy.cloudFormationGroupPolicy();
    }

    private static String keptReason(SgRule rule) {
        return rule.source().type() == SourceType.SECURITY_GROUP
                ? "security-group reference kept"
                : "prefix list kept";
    }

    private static String advice(SpecialGroup special, SecurityGroup group, List<SgRule> violations,
                                 List<AllowListEntry> missing) {
        String changes = changeList(violations, missing);
        if (special == SpecialGroup.CLOUDFORMATION_MANAGED) {
            return "Fix the template of stack " + group.cloudFormationStack().orElseThrow() + " (" + changes
                    + ") and redeploy; revoking out of band makes the next deployment fight the remediator.";
        }
        return "Fix the default security group " + group.groupId() + " (" + changes
                + "); better, leave it without ingress and attach dedicated groups.";
    }

    private static String changeList(List<SgRule> violations, List<AllowListEntry> missing) {
        List<String> parts = new ArrayList<>();
        if (!violations.isEmpty()) {
            parts.add("remove " + SgRule.describeAll(violations, ADVICE_RULES));
        }
        if (!missing.isEmpty()) {
            parts.add("add " + SgRule.describeAll(missing.stream().map(AllowListEntry::rule).toList(), ADVICE_RULES));
        }
        return String.join("; ", parts);
    }
}
