package dev.securitywatch.remediation.testing;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Short builders for rules and groups in tests. */
public final class Rules {
    public static final String ACCOUNT = "111111111111";

    private Rules() {
    }

    /** {@code rule("tcp", 22, 22, "0.0.0.0/0")}; the source is read like an allow-list source. */
    public static SgRule rule(String protocol, Integer from, Integer to, String source) {
        return SgRule.of(protocol, from, to, RuleSource.parse(source));
    }

    public static SecurityGroup group(String groupId, SgRule... ingress) {
        return group(groupId, "app", Map.of(), ingress);
    }

    public static SecurityGroup group(String groupId, String name, Map<String, String> tags, SgRule... ingress) {
        return new SecurityGroup(groupId, name, "vpc-1", ACCOUNT, tags, new TreeSet<>(List.of(ingress)));
    }
}
