package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.plan.Assessment;
import dev.securitywatch.remediation.plan.KeptRule;
import dev.securitywatch.remediation.plan.SpecialGroup;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.List;

/** The text Config shows next to an evaluation: what was found and what was done, at most 256 characters. */
public final class Annotations {
    public static final int MAX_LENGTH = 256;
    private static final int LISTED_RULES = 3;

    private Annotations() {
    }

    /** Cuts to {@link #MAX_LENGTH} characters, ending with an ellipsis when cut. */
    public static String fit(String annotation) {
        if (annotation == null || annotation.length() <= MAX_LENGTH) {
            return annotation;
        }
        return annotation.substring(0, MAX_LENGTH - 1) + "…";
    }

    public static String exempt(String reason) {
        return "exempt: " + reason;
    }

    public static String compliant(Assessment assessment) {
        if (assessment.exemption().isPresent()) {
            return exempt(assessment.exemption().get());
        }
        String text = "ingress matches the allow-list";
        List<SgRule> kept = assessment.kept().stream().map(KeptRule::rule).toList();
        return kept.isEmpty() ? text : text + "; kept " + count(kept.size(), "non-CIDR rule") + " ("
                + SgRule.describeAll(kept, LISTED_RULES) + ")";
    }

    /** What a violating item got: the error first (so truncation never hides it), then the changes. */
    public static String nonCompliant(Assessment recorded, Execution execution) {
        List<String> parts = new ArrayList<>();
        execution.error().ifPresent(error -> parts.add("FAILED: " + error));
        if (!recorded.mode().revokes()) {
            parts.add("not changed (" + modeSource(recorded) + ")");
            if (!recorded.violations().isEmpty()) {
                parts.add(count(recorded.violations().size(), "rule") + " outside the allow-list ("
                        + SgRule.describeAll(recorded.violations(), LISTED_RULES) + ")");
            }
        } else {
            parts.add("revoked " + count(execution.revoked().size(), "rule") + listed(execution.revoked())
                    + "; added " + execution.authorized().size() + listed(execution.authorized()));
            if (execution.liveAlreadyCorrect()) {
                parts.add("live group already corrected");
            }
        }
        boolean stillMissing = !recorded.mode().authorizes()
                || execution.error().isPresent() && execution.authorized().isEmpty();
        if (!recorded.missingRequired().isEmpty() && stillMissing) {
            List<SgRule> missing = recorded.missingRequired().stream().map(AllowListEntry::rule).toList();
            parts.add("missing " + count(missing.size(), "required rule") + " ("
                    + SgRule.describeAll(missing, LISTED_RULES) + ")");
        }
        return fit(String.join("; ", parts));
    }

    private static String modeSource(Assessment assessment) {
        if (assessment.special().isEmpty()) {
            return RemediationMode.REPORT_ONLY.name();
        }
        String group = assessment.special().get() == SpecialGroup.DEFAULT_GROUP
                ? "default group" : "CloudFormation-managed group";
        return RemediationMode.REPORT_ONLY.name() + " for " + group;
    }

    private static String listed(List<SgRule> rules) {
        return rules.isEmpty() ? "" : " (" + SgRule.describeAll(rules, LISTED_RULES) + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
