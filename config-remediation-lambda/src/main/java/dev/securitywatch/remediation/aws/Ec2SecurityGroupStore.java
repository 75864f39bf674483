package dev.securitywatch.remediation.aws;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.group.SecurityGroupStore;
import dev.securitywatch.remediation.rule.LiveRule;
import dev.securitywatch.remediation.rule.PermissionBlock;
import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** EC2 adapter (Query/XML protocol): reads rules by id, revokes by rule id, authorizes, sweeps the region. */
public final class Ec2SecurityGroupStore implements SecurityGroupStore {
    /** DescribeSecurityGroups and DescribeSecurityGroupRules return at most 1,000 items per page. */
    static final int PAGE_SIZE = 1000;
    private static final Set<String> ALREADY_REVOKED = Set.of("InvalidPermission.NotFound",
            "InvalidSecurityGroupRuleId.NotFound");
    /** Protocols whose rules carry ports (icmp: type and code); for the others EC2 ignores them. */
    private static final Set<String> PORTED_PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6");
    private static final String ALREADY_AUTHORIZED = "InvalidPermission.Duplicate";
    private static final String GROUP_NOT_FOUND = "InvalidGroup.NotFound";

    private final Ec2Client ec2;

    public Ec2SecurityGroupStore(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public Optional<SecurityGroup> group(String groupId) {
        try {
            return ec2.describeSecurityGroups(request -> request.groupIds(groupId)).securityGroups().stream()
                    .filter(group -> groupId.equals(group.groupId())).findFirst()
                    .map(Ec2SecurityGroupStore::securityGroup);
        } catch (AwsServiceException e) {
            if (GROUP_NOT_FOUND.equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failure("DescribeSecurityGroups", e);
        } catch (SdkException e) {
            throw failure("DescribeSecurityGroups", e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("DescribeSecurityGroups returned an unreadable rule: " + e.getMessage(), e);
        }
    }

    @Override
    public List<LiveRule> ingressRules(String groupId) {
        try {
            List<LiveRule> rules = new ArrayList<>();
            ec2.describeSecurityGroupRulesPaginator(request -> request
                            .filters(Filter.builder().name("group-id").values(groupId).build())
                            .maxResults(PAGE_SIZE))
                    .securityGroupRules()
                    .forEach(rule -> {
                        if (!Boolean.TRUE.equals(rule.isEgress())) {
                            rules.add(new LiveRule(rule.securityGroupRuleId(), canonical(rule)));
                        }
                    });
            return rules;
        } catch (SdkException e) {
            throw failure("DescribeSecurityGroupRules", e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("DescribeSecurityGroupRules returned an unreadable rule: " + e.getMessage(), e);
        }
    }

    @Override
    public void revoke(String groupId, Collection<String> ruleIds) {
        if (ruleIds.isEmpty()) {
            return;
        }
        allOrEach(List.copyOf(ruleIds), ALREADY_REVOKED, "RevokeSecurityGroupIngress", ids -> {
            if (!Boolean.TRUE.equals(ec2.revokeSecurityGroupIngress(request -> request
                    .groupId(groupId).securityGroupRuleIds(ids)).returnValue())) {
                throw new StoreException("RevokeSecurityGroupIngress returned false for " + ids, null);
            }
        });
    }

    @Override
    public void authorize(String groupId, Collection<AuthorizedRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        allOrEach(List.copyOf(rules), Set.of(ALREADY_AUTHORIZED), "AuthorizeSecurityGroupIngress",
                batch -> ec2.authorizeSecurityGroupIngress(request -> request
                        .groupId(groupId).ipPermissions(batch.stream().map(Ec2SecurityGroupStore::permission).toList())));
    }

    @Override
    public List<SecurityGroup> allGroups() {
        try {
            List<SecurityGroup> groups = new ArrayList<>();
            ec2.describeSecurityGroupsPaginator(request -> request.maxResults(PAGE_SIZE))
                    .securityGroups()
                    .forEach(group -> groups.add(securityGroup(group)));
            return groups;
        } catch (SdkException e) {
            throw failure("DescribeSecurityGroups", e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("DescribeSecurityGroups returned an unreadable rule: " + e.getMessage(), e);
        }
    }

    /**
     * One call for the whole batch. EC2 fails the whole call when one item is already in the wanted state
     * (NotFound on revoke, Duplicate on authorize), so then each item is retried alone and that error means done.
     */
    private <T> void allOrEach(List<T> items, Set<String> alreadyDone, String action, Consumer<List<T>> call) {
        try {
            call.accept(items);
            return;
        } catch (AwsServiceException e) {
            if (!alreadyDone.contains(errorCode(e))) {
                throw failure(action, e);
            }
            if (items.size() == 1) {
                return;
            }
        } catch (SdkException e) {
            throw failure(action, e);
        }
        for (T item : items) {
            try {
                call.accept(List.of(item));
            } catch (AwsServiceException e) {
                if (!alreadyDone.contains(errorCode(e))) {
                    throw failure(action, e);
                }
            } catch (SdkException e) {
                throw failure(action, e);
            }
        }
    }

    private static SgRule canonical(SecurityGroupRule rule) {
        RuleSource source;
        if (rule.cidrIpv4() != null) {
            source = RuleSource.cidr(rule.cidrIpv4());
        } else if (rule.cidrIpv6() != null) {
            source = RuleSource.cidr(rule.cidrIpv6());
        } else if (rule.prefixListId() != null) {
            source = RuleSource.prefixList(rule.prefixListId());
        } else if (rule.referencedGroupInfo() != null) {
            source = RuleSource.securityGroup(rule.referencedGroupInfo().groupId(), rule.referencedGroupInfo().userId(),
                    rule.groupOwnerId());
        } else {
            throw new IllegalArgumentException("rule " + rule.securityGroupRuleId() + " has no source");
        }
        return SgRule.of(rule.ipProtocol(), rule.fromPort(), rule.toPort(), source);
    }

    private static SecurityGroup securityGroup(software.amazon.awssdk.services.ec2.model.SecurityGroup group) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : group.tags()) {
            tags.put(tag.key(), tag.value());
        }
        TreeSet<SgRule> ingress = new TreeSet<>();
        for (IpPermission permission : group.ipPermissions()) {
            ingress.addAll(new PermissionBlock(permission.ipProtocol(), permission.fromPort(), permission.toPort(),
                    permission.ipRanges().stream().map(IpRange::cidrIp).toList(),
                    permission.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList(),
                    permission.prefixListIds().stream().map(PrefixListId::prefixListId).toList(),
                    permission.userIdGroupPairs().stream()
                            .map(pair -> new PermissionBlock.GroupPair(pair.groupId(), pair.userId())).toList())
                    .expand(group.ownerId()));
        }
        return new SecurityGroup(group.groupId(), group.groupName(), group.vpcId(), group.ownerId(), tags, ingress);
    }

    private static IpPermission permission(AuthorizedRule authorized) {
        SgRule rule = authorized.rule();
        IpPermission.Builder permission = IpPermission.builder().ipProtocol(rule.protocol());
        if (PORTED_PROTOCOLS.contains(rule.protocol())) {
            permission.fromPort(rule.fromPort()).toPort(rule.toPort());
        }
        String description = authorized.description();
        switch (rule.source().type()) {
            case CIDR4 -> permission.ipRanges(IpRange.builder().cidrIp(rule.source().value())
                    .description(description).build());
            case CIDR6 -> permission.ipv6Ranges(Ipv6Range.builder().cidrIpv6(rule.source().value())
                    .description(description).build());
            case PREFIX_LIST -> permission.prefixListIds(PrefixListId.builder().prefixListId(rule.source().value())
                    .description(description).build());
            case SECURITY_GROUP -> permission.userIdGroupPairs(UserIdGroupPair.builder()
                    .groupId(rule.source().groupId()).userId(rule.source().userId())
                    .description(description).build());
        }
        return permission.build();
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    static StoreException failure(String action, SdkException e) {
        String reason = e instanceof AwsServiceException service && errorCode(service) != null
                ? errorCode(service) + " (" + service.awsErrorDetails().errorMessage() + ")"
                : e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
        return new StoreException(action + " " + reason, e);
    }
}
