package dev.securitywatch.remediation.plan;

import dev.securitywatch.remediation.rule.SgRule;

/** A rule outside the allow-list that remediation deliberately leaves in place, and why. */
public record KeptRule(SgRule rule, String reason) {
}
