package dev.securitywatch.remediation.group;

import dev.securitywatch.remediation.rule.SgRule;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The state of one security group that remediation looks at: identity, tags and canonical ingress rules. */
public record SecurityGroup(String groupId, String groupName, String vpcId, String ownerAccount,
                            Map<String, String> tags, SortedSet<SgRule> ingress) {
    public static final String CLOUDFORMATION_STACK_TAG = "aws:cloudformation:stack-name";
    /** Every security group this project creates carries this tag key; remediation never touches them. */
    public static final String OWN_COMPONENT_TAG = "security-watch:component";

    public SecurityGroup {
        tags = Map.copyOf(tags);
        ingress = Collections.unmodifiableSortedSet(new TreeSet<>(ingress));
    }

    public SecurityGroup withIngress(Collection<SgRule> rules) {
        return new SecurityGroup(groupId, groupName, vpcId, ownerAccount, tags, new TreeSet<>(rules));
    }

    public boolean isDefaultGroup() {
        return "default".equals(groupName);
    }

    public Optional<String> cloudFormationStack() {
        return Optional.ofNullable(tags.get(CLOUDFORMATION_STACK_TAG));
    }
}
