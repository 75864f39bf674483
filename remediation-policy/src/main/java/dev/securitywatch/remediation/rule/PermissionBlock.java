package dev.securitywatch.remediation.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * One grouped AWS {@code IpPermission} (a protocol and port range with several sources), as Config items and
 * DescribeSecurityGroups return it. {@link #expand} splits it into single canonical rules.
 */
public record PermissionBlock(String protocol, Integer fromPort, Integer toPort, List<String> ipv4Ranges,
                              List<String> ipv6Ranges, List<String> prefixListIds, List<GroupPair> groupPairs) {

    /** A referenced group; {@code userId} may be null. */
    public record GroupPair(String groupId, String userId) {
    }

    public PermissionBlock {
        ipv4Ranges = List.copyOf(ipv4Ranges);
        ipv6Ranges = List.copyOf(ipv6Ranges);
        prefixListIds = List.copyOf(prefixListIds);
        groupPairs = List.copyOf(groupPairs);
    }

    public List<SgRule> expand(String ownerAccount) {
        List<RuleSource> sources = new ArrayList<>();
        ipv4Ranges.forEach(cidr -> sources.add(RuleSource.cidr(cidr)));
        ipv6Ranges.forEach(cidr -> sources.add(RuleSource.cidr(cidr)));
        prefixListIds.forEach(id -> sources.add(RuleSource.prefixList(id)));
        groupPairs.forEach(pair -> sources.add(RuleSource.securityGroup(pair.groupId(), pair.userId(), ownerAccount)));
        return sources.stream().map(source -> SgRule.of(protocol, fromPort, toPort, source)).toList();
    }
}
