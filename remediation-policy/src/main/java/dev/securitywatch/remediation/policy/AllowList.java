package dev.securitywatch.remediation.policy;

import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.List;
import java.util.Optional;

/** The ingress rules a security group may (allowed) or must (required) have. */
public record AllowList(List<AllowListEntry> entries) {

    public AllowList {
        entries = List.copyOf(entries);
    }

    /** The original design's REQUIRED_PERMISSIONS: HTTP and HTTPS from anywhere, both required. */
    public static AllowList defaults() {
        RuleSource anywhere = RuleSource.cidr("0.0.0.0/0");
        return new AllowList(List.of(
                new AllowListEntry(SgRule.of("tcp", 80, 80, anywhere), true, "HTTP"),
                new AllowListEntry(SgRule.of("tcp", 443, 443, anywhere), true, "HTTPS")));
    }

    public Optional<AllowListEntry> entryCovering(SgRule rule) {
        return entries.stream().filter(entry -> entry.rule().covers(rule)).findFirst();
    }

    public boolean allows(SgRule rule) {
        return entryCovering(rule).isPresent();
    }

    public List<AllowListEntry> required() {
        return entries.stream().filter(AllowListEntry::required).toList();
    }
}
