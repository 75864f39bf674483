package dev.securitywatch.remediation.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.rule.SgRule;
import java.time.Instant;
import java.util.Map;

/** Configuration items in Config's own JSON shape (one permission block per rule), for service tests. */
public final class Items {
    public static final Instant CAPTURED = Instant.parse("2026-11-20T02:00:00Z");

    private Items() {
    }

    public static ConfigurationItem item(String groupId, Map<String, String> tags, SgRule... ingress) {
        return item(groupId, "app", "OK", tags, ingress);
    }

    public static ConfigurationItem item(String groupId, String name, String status, Map<String, String> tags,
                                         SgRule... ingress) {
        ObjectNode configuration = JsonNodeFactory.instance.objectNode();
        configuration.put("groupId", groupId).put("groupName", name).put("vpcId", "vpc-1")
                .put("ownerId", Rules.ACCOUNT);
        ArrayNode permissions = configuration.putArray("ipPermissions");
        for (SgRule rule : ingress) {
            permissions.add(permission(rule));
        }
        ArrayNode tagList = configuration.putArray("tags");
        tags.forEach((key, value) -> tagList.addObject().put("key", key).put("value", value));
        return new ConfigurationItem("AWS::EC2::SecurityGroup", groupId, name, status, CAPTURED, Rules.ACCOUNT,
                "eu-west-1", configuration, Map.of());
    }

    public static ConfigInvocation change(ConfigurationItem item) {
        return new ConfigInvocation("token", Rules.ACCOUNT, new ConfigInvocation.ItemChange(item, false));
    }

    public static ObjectNode permission(SgRule rule) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("ipProtocol", rule.protocol());
        if (rule.fromPort() != -1 || rule.protocol().startsWith("icmp")) {
            block.put("fromPort", rule.fromPort()).put("toPort", rule.toPort());
        }
        ArrayNode ipv4 = block.putArray("ipv4Ranges");
        ArrayNode ipv6 = block.putArray("ipv6Ranges");
        ArrayNode prefixLists = block.putArray("prefixListIds");
        ArrayNode pairs = block.putArray("userIdGroupPairs");
        switch (rule.source().type()) {
            case CIDR4 -> ipv4.addObject().put("cidrIp", rule.source().value());
            case CIDR6 -> ipv6.addObject().put("cidrIpv6", rule.source().value());
            case PREFIX_LIST -> prefixLists.addObject().put("prefixListId", rule.source().value());
            case SECURITY_GROUP -> pairs.addObject().put("groupId", rule.source().groupId())
                    .put("userId", rule.source().userId() == null ? Rules.ACCOUNT : rule.source().userId());
        }
        return block;
    }
}
