package dev.securitywatch.remediation.testing;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.group.SecurityGroupStore;
import dev.securitywatch.remediation.rule.LiveRule;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory EC2 behind the port: live rules per group, a call journal, and switchable failures. */
public final class FakeSecurityGroups implements SecurityGroupStore {
    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final Map<String, List<LiveRule>> live = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public String failReads;
    public String failWrites;
    private int nextId;

    public void put(SecurityGroup group) {
        groups.put(group.groupId(), group);
        List<LiveRule> rules = new ArrayList<>();
        group.ingress().forEach(rule -> rules.add(new LiveRule("sgr-" + nextId++, rule)));
        live.put(group.groupId(), rules);
    }

    public List<SgRule> liveRules(String groupId) {
        return live.get(groupId).stream().map(LiveRule::rule).toList();
    }

    public long writes() {
        return calls.stream().filter(call -> call.startsWith("revoke") || call.startsWith("authorize")).count();
    }

    /** What EC2 has now, when it differs from what a test's item recorded (a tag added since, a deleted group). */
    public void replaceLive(SecurityGroup group) {
        groups.put(group.groupId(), group);
    }

    public void delete(String groupId) {
        groups.remove(groupId);
        live.remove(groupId);
    }

    @Override
    public Optional<SecurityGroup> group(String groupId) {
        calls.add("describe " + groupId);
        if (failReads != null) {
            throw new StoreException(failReads, null);
        }
        return Optional.ofNullable(groups.get(groupId)).map(group -> group.withIngress(liveRules(groupId)));
    }

    @Override
    public List<LiveRule> ingressRules(String groupId) {
        calls.add("read " + groupId);
        if (failReads != null) {
            throw new StoreException(failReads, null);
        }
        return List.copyOf(live.get(groupId));
    }

    @Override
    public void revoke(String groupId, Collection<String> ruleIds) {
        calls.add("revoke " + groupId + " " + ruleIds);
        if (failWrites != null) {
            throw new StoreException(failWrites, null);
        }
        live.get(groupId).removeIf(rule -> ruleIds.contains(rule.ruleId()));
    }

    @Override
    public void authorize(String groupId, Collection<AuthorizedRule> rules) {
        calls.add("authorize " + groupId + " " + rules.stream().map(r -> r.rule().describe()).toList());
        if (failWrites != null) {
            throw new StoreException(failWrites, null);
        }
        rules.forEach(rule -> live.get(groupId).add(new LiveRule("sgr-" + nextId++, rule.rule())));
    }

    @Override
    public List<SecurityGroup> allGroups() {
        calls.add("sweep");
        if (failReads != null) {
            throw new StoreException(failReads, null);
        }
        return groups.values().stream().map(group -> group.withIngress(liveRules(group.groupId()))).toList();
    }
}
