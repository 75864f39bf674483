package dev.securitywatch.remediation.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.remediation.rule.SgRule;

/**
 * Writes one account's policy as the Lambda's {@code REMEDIATION_POLICY}: the cdk.json keys, with the mode resolved
 * and every default spelled out, so that {@link PolicyParser#parse(com.fasterxml.jackson.databind.JsonNode)} reads
 * back the same policy. Keys are written in alphabetical order and rules in their canonical form, so the same
 * policy always gives the same bytes (and the same template).
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    public static ObjectNode write(RemediationPolicy policy) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ArrayNode exempt = root.putArray(PolicyParser.EXEMPT_GROUP_IDS);
        policy.exemptGroupIds().forEach(exempt::add);
        ArrayNode allowList = root.putArray(PolicyParser.ALLOW_LIST);
        for (AllowListEntry entry : policy.allowList().entries()) {
            SgRule rule = entry.rule();
            allowList.addObject()
                    .put("description", entry.description() == null ? "" : entry.description())
                    .put("fromPort", rule.fromPort())
                    .put("protocol", rule.protocol())
                    .put("required", entry.required())
                    .put("source", rule.source().value())
                    .put("toPort", rule.toPort());
        }
        root.putObject(PolicyParser.OPTIONS)
                .put("cloudFormationGroupPolicy", policy.cloudFormationGroupPolicy().name())
                .put("defaultGroupPolicy", policy.defaultGroupPolicy().name())
                .put("exemptTagKey", policy.exemptTagKey())
                .put("revokeNonCidrSources", policy.revokeNonCidrSources());
        root.put(PolicyParser.MODE, policy.mode().name());
        return root;
    }
}
