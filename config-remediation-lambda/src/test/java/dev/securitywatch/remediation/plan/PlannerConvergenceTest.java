package dev.securitywatch.remediation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.policy.AllowList;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property test over random groups and random policies: applying a plan and planning again yields no actions,
 * a rule the allow-list allows is never revoked, and every revoked rule is outside the allow-list. Seeds are the
 * repetition number, so a failure names its seed and reproduces.
 */
class PlannerConvergenceTest {
    private static final String[] PROTOCOLS = {"tcp", "udp", "-1", "icmp", "icmpv6", "6", "17", "47"};
    private static final String[] SOURCES = {"0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.3/32",
            "192.168.0.0/16", "203.0.113.0/24", "::/0", "2001:db8::/32", "2001:db8:1::/48", "pl-11111111",
            "pl-22222222", "sg-0aaa", "sg-0bbb", "222222222222/sg-0ccc"};
    private static final int[] PORTS = {0, 22, 80, 443, 1024, 3306, 5432, 8080, 8443, 65535};

    @RepeatedTest(500)
    void applyingAPlanConvergesAndNeverRevokesAnAllowedRule(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        RemediationPolicy policy = randomPolicy(random);
        RemediationPlanner planner = new RemediationPlanner(policy);
        SecurityGroup group = randomGroup(random, 1 + random.nextInt(12));

        Assessment first = planner.assess(group);
        for (SgRule revoked : first.revoke()) {
            assertThat(policy.allowList().allows(revoked)).as("seed %d revokes allowed %s",
                    repetition.getCurrentRepetition(), revoked).isFalse();
            assertThat(group.ingress()).contains(revoked);
        }
        TreeSet<SgRule> applied = new TreeSet<>(group.ingress());
        first.revoke().forEach(applied::remove);
        first.authorize().forEach(entry -> applied.add(entry.rule()));

        Assessment second = planner.assess(group.withIngress(applied));
        assertThat(second.hasActions()).as("seed %d: second plan %s / %s", repetition.getCurrentRepetition(),
                second.revoke(), second.authorize()).isFalse();
        if (first.mode() == RemediationMode.ENFORCE) {
            assertThat(second.compliant()).as("seed %d: ENFORCE leaves a compliant group",
                    repetition.getCurrentRepetition()).isTrue();
        }
    }

    private static RemediationPolicy randomPolicy(Random random) {
        List<AllowListEntry> entries = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            entries.add(new AllowListEntry(randomRule(random), random.nextBoolean(), null));
        }
        RemediationMode mode = RemediationMode.values()[random.nextInt(3)];
        return new RemediationPolicy(mode, new AllowList(entries), Set.of(), RemediationPolicy.DEFAULT_EXEMPT_TAG_KEY,
                RemediationMode.values()[random.nextInt(3)], RemediationMode.values()[random.nextInt(3)],
                random.nextBoolean());
    }

    private static SecurityGroup randomGroup(Random random, int rules) {
        TreeSet<SgRule> ingress = new TreeSet<>();
        for (int i = 0; i < rules; i++) {
            ingress.add(randomRule(random));
        }
        Map<String, String> tags = random.nextInt(5) == 0 ? Map.of("aws:cloudformation:stack-name", "stack") : Map.of();
        return new SecurityGroup("sg-0test", random.nextInt(5) == 0 ? "default" : "app", "vpc-1", "111111111111",
                tags, ingress);
    }

    private static SgRule randomRule(Random random) {
        String protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
        int from = PORTS[random.nextInt(PORTS.length)];
        int to = Math.max(from, PORTS[random.nextInt(PORTS.length)]);
        boolean icmp = protocol.startsWith("icmp");
        return SgRule.of(protocol, icmp ? random.nextInt(3) - 1 : from, icmp ? random.nextInt(3) - 1 : to,
                RuleSource.parse(SOURCES[random.nextInt(SOURCES.length)]));
    }
}
