package dev.securitywatch.remediation.policy;

import dev.securitywatch.remediation.rule.SgRule;

/**
 * One allow-list entry. Any rule it covers (narrower ports, a CIDR inside its CIDR) is allowed; when
 * {@code required}, the exact rule must exist, and ENFORCE adds it when it is missing.
 */
public record AllowListEntry(SgRule rule, boolean required, String description) {
}
