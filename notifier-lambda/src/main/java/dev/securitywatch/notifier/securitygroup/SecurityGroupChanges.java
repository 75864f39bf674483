package dev.securitywatch.notifier.securitygroup;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.notifier.securitygroup.PermissionChange.Change;
import dev.securitywatch.notifier.securitygroup.PermissionChange.Direction;
import dev.securitywatch.notifier.securitygroup.PermissionChange.Peer;
import dev.securitywatch.notifier.securitygroup.PermissionChange.PeerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the permission changes out of an EC2 security-group call: Authorize/Revoke Ingress/Egress (nested
 * {@code ipPermissions.items[]} with {@code ipRanges}, {@code ipv6Ranges}, {@code prefixListIds}, {@code groups},
 * the legacy flat form, or {@code securityGroupRuleIds}) and ModifySecurityGroupRules.
 */
public final class SecurityGroupChanges {
    private SecurityGroupChanges() {
    }

    /** Empty when the event is not a security-group permission call. */
    public static Optional<List<PermissionChange>> of(CloudTrailEvent event) {
        if (!"ec2.amazonaws.com".equals(event.eventSource())) {
            return Optional.empty();
        }
        JsonNode request = event.requestParameters();
        return switch (event.eventName()) {
            case "AuthorizeSecurityGroupIngress" -> Optional.of(permissions(request, Change.ADD, Direction.INGRESS));
            case "AuthorizeSecurityGroupEgress" -> Optional.of(permissions(request, Change.ADD, Direction.EGRESS));
            case "RevokeSecurityGroupIngress" -> Optional.of(permissions(request, Change.REMOVE, Direction.INGRESS));
            case "RevokeSecurityGroupEgress" -> Optional.of(permissions(request, Change.REMOVE, Direction.EGRESS));
            case "ModifySecurityGroupRules" -> Optional.of(modifications(request));
            default -> Optional.empty();
        };
    }

    private static List<PermissionChange> permissions(JsonNode request, Change change, Direction direction) {
        String groupId = firstText(request, "groupId", "groupName");
        List<PermissionChange> changes = new ArrayList<>();
        for (JsonNode permission : items(request.path("ipPermissions"))) {
            String protocol = text(permission, "ipProtocol");
            Integer from = port(permission, "fromPort");
            Integer to = port(permission, "toPort");
            int before = changes.size();
            for (JsonNode range : items(permission.path("ipRanges"))) {
                add(changes, change, direction, protocol, from, to, PeerType.CIDR4, text(range, "cidrIp"), groupId);
            }
            for (JsonNode range : items(permission.path("ipv6Ranges"))) {
                add(changes, change, direction, protocol, from, to, PeerType.CIDR6, text(range, "cidrIpv6"), groupId);
            }
            for (JsonNode list : items(permission.path("prefixListIds"))) {
                add(changes, change, direction, protocol, from, to, PeerType.PREFIX_LIST, text(list, "prefixListId"),
                        groupId);
            }
            for (JsonNode group : items(permission.path("groups"))) {
                String peerGroup = firstText(group, "groupId", "groupName");
                String owner = text(group, "userId");
                add(changes, change, direction, protocol, from, to, PeerType.SECURITY_GROUP,
                        owner == null || peerGroup == null ? peerGroup : owner + "/" + peerGroup, groupId);
            }
            if (changes.size() == before) {
                add(changes, change, direction, protocol, from, to, PeerType.CIDR4, "(no source given)", groupId);
            }
        }
        // The legacy flat form: one rule straight in requestParameters.
        String flatCidr = text(request, "cidrIp");
        if (flatCidr != null || text(request, "ipProtocol") != null) {
            add(changes, change, direction, text(request, "ipProtocol"), port(request, "fromPort"),
                    port(request, "toPort"), PeerType.CIDR4, flatCidr == null ? "(no source given)" : flatCidr,
                    groupId);
        }
        for (JsonNode ruleId : items(request.path("securityGroupRuleIds"))) {
            String id = ruleId.isTextual() ? ruleId.asText() : firstText(ruleId, "securityGroupRuleId");
            add(changes, change, direction, null, null, null, PeerType.RULE_ID, id, groupId);
        }
        return changes;
    }

    /** {@code ModifySecurityGroupRulesRequest.SecurityGroupRule} is one object or a list of them. */
    private static List<PermissionChange> modifications(JsonNode request) {
        JsonNode body = request.path("ModifySecurityGroupRulesRequest");
        String groupId = text(body, "GroupId");
        JsonNode rules = body.path("SecurityGroupRule");
        List<JsonNode> list = new ArrayList<>();
        if (rules.isArray()) {
            rules.forEach(list::add);
        } else if (rules.isObject()) {
            list.add(rules);
        }
        List<PermissionChange> changes = new ArrayList<>();
        for (JsonNode rule : list) {
            String ruleId = text(rule, "SecurityGroupRuleId");
            JsonNode spec = rule.path("SecurityGroupRule");
            Peer peer = specPeer(spec);
            String protocol = text(spec, "IpProtocol");
            Integer from = port(spec, "FromPort");
            Integer to = port(spec, "ToPort");
            changes.add(new PermissionChange(Change.MODIFY, Direction.UNKNOWN, protocol, from, to,
                    peer != null ? peer : new Peer(PeerType.RULE_ID, ruleId == null ? "(unknown rule)" : ruleId),
                    groupId, peer != null ? ruleId : null));
        }
        return changes;
    }

    private static Peer specPeer(JsonNode spec) {
        if (text(spec, "CidrIpv4") != null) {
            return new Peer(PeerType.CIDR4, text(spec, "CidrIpv4"));
        }
        if (text(spec, "CidrIpv6") != null) {
            return new Peer(PeerType.CIDR6, text(spec, "CidrIpv6"));
        }
        if (text(spec, "PrefixListId") != null) {
            return new Peer(PeerType.PREFIX_LIST, text(spec, "PrefixListId"));
        }
        if (text(spec, "ReferencedGroupId") != null) {
            return new Peer(PeerType.SECURITY_GROUP, text(spec, "ReferencedGroupId"));
        }
        return null;
    }

    private static void add(List<PermissionChange> changes, Change change, Direction direction, String protocol,
                            Integer from, Integer to, PeerType type, String value, String groupId) {
        changes.add(new PermissionChange(change, direction, protocol, from, to,
                new Peer(type, value == null ? "(unknown)" : value), groupId, null));
    }

    /** CloudTrail writes lists as {@code {"items": [...]}}; some exports use plain arrays. */
    private static List<JsonNode> items(JsonNode node) {
        JsonNode list = node.isArray() ? node : node.path("items");
        List<JsonNode> out = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(out::add);
        }
        return out;
    }

    private static Integer port(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
