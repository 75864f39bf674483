package dev.securitywatch.remediation.rule;

/** A rule as it exists in EC2 right now, with the id that revokes exactly this rule and nothing beside it. */
public record LiveRule(String ruleId, SgRule rule) {
}
