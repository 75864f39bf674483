package dev.securitywatch.remediation.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.lambdakit.json.JsonFields;
import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.rule.PermissionBlock;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the {@code configuration} of an {@code AWS::EC2::SecurityGroup} configuration item. Config has written
 * sources in two shapes over the years: {@code ipv4Ranges: [{cidrIp}]} and the older {@code ipRanges: ["cidr"]}
 * (often both, with the same content); the newer one wins when present.
 */
public final class SecurityGroupConfiguration {

    private SecurityGroupConfiguration() {
    }

    public static SecurityGroup toSecurityGroup(ConfigurationItem item) {
        JsonNode configuration = item.configuration();
        String groupId = firstNonNull(JsonFields.text(configuration, "groupId"), item.resourceId());
        String owner = firstNonNull(JsonFields.text(configuration, "ownerId"), item.accountId());
        Map<String, String> tags = new LinkedHashMap<>(InvocationParser.tagMap(configuration.get("tags")));
        tags.putAll(item.tags());
        TreeSet<SgRule> ingress = new TreeSet<>();
        JsonNode permissions = configuration.path("ipPermissions");
        for (int i = 0; i < permissions.size(); i++) {
            try {
                ingress.addAll(block(permissions.get(i)).expand(owner));
            } catch (IllegalArgumentException e) {
                throw new InvalidInvocationException("configuration.ipPermissions[" + i + "] of " + groupId + ": "
                        + e.getMessage());
            }
        }
        return new SecurityGroup(groupId, firstNonNull(JsonFields.text(configuration, "groupName"),
                item.resourceName()), JsonFields.text(configuration, "vpcId"), owner, tags, ingress);
    }

    private static PermissionBlock block(JsonNode permission) {
        List<String> ipv4 = texts(permission.path("ipv4Ranges"), "cidrIp");
        if (ipv4.isEmpty()) {
            ipv4 = texts(permission.path("ipRanges"), "cidrIp");
        }
        List<PermissionBlock.GroupPair> pairs = new ArrayList<>();
        for (JsonNode pair : permission.path("userIdGroupPairs")) {
            pairs.add(new PermissionBlock.GroupPair(JsonFields.text(pair, "groupId"), JsonFields.text(pair, "userId")));
        }
        return new PermissionBlock(JsonFields.text(permission, "ipProtocol"), integer(permission, "fromPort"),
                integer(permission, "toPort"), ipv4, texts(permission.path("ipv6Ranges"), "cidrIpv6"),
                texts(permission.path("prefixListIds"), "prefixListId"), pairs);
    }

    /** Items are either plain strings or objects holding the value under {@code field}. */
    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : array) {
            String value = node.isTextual() ? node.asText() : JsonFields.text(node, field);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
