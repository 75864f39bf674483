package dev.securitywatch.remediation.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the remediation keys of cdk.json context ({@code remediationMode}, {@code ingressAllowList},
 * {@code exemptSecurityGroupIds}, {@code remediation}). Every key is optional; other context keys are ignored.
 * Errors are one line naming the key, e.g. {@code ingressAllowList[1].fromPort: expected an integer 0-65535}.
 */
public final class PolicyParser {
    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-zA-Z]+");
    private static final Set<String> ENTRY_KEYS = Set.of("protocol", "fromPort", "toPort", "source", "required",
            "description");
    /** {@code periodicFrequency} belongs to the Config rule (infra); it is accepted here and not used. */
    private static final Set<String> REMEDIATION_KEYS = Set.of("exemptTagKey", "defaultGroupPolicy",
            "cloudFormationGroupPolicy", "revokeNonCidrSources", "periodicFrequency");

    private PolicyParser() {
    }

    public static RemediationPolicy parse(JsonNode context) {
        if (context == null || context.isNull() || context.isMissingNode()) {
            return RemediationPolicy.defaults();
        }
        if (!context.isObject()) {
            throw new PolicyException("context", "expected a JSON object with the remediation keys");
        }
        RemediationPolicy defaults = RemediationPolicy.defaults();
        JsonNode remediation = context.path("remediation");
        if (!remediation.isMissingNode() && !remediation.isNull()) {
            requireObject("remediation", remediation);
            rejectUnknownKeys("remediation", remediation, REMEDIATION_KEYS);
        }
        return new RemediationPolicy(
                mode("remediationMode", context.get("remediationMode"), defaults.mode()),
                context.has("ingressAllowList") ? allowList(context.get("ingressAllowList")) : defaults.allowList(),
                groupIds(context.get("exemptSecurityGroupIds")),
                tagKey(remediation.get("exemptTagKey"), defaults.exemptTagKey()),
                mode("remediation.defaultGroupPolicy", remediation.get("defaultGroupPolicy"),
                        defaults.defaultGroupPolicy()),
                mode("remediation.cloudFormationGroupPolicy", remediation.get("cloudFormationGroupPolicy"),
                        defaults.cloudFormationGroupPolicy()),
                bool("remediation.revokeNonCidrSources", remediation.get("revokeNonCidrSources"),
                        defaults.revokeNonCidrSources()));
    }

    /**
     * The policy for one account of a whole cdk.json context: as {@link #parse(JsonNode)}, with the mode of the
     * matching {@code memberAccounts} entry when it sets {@code remediationMode} (infra does the same per stack).
     */
    public static RemediationPolicy parse(JsonNode context, String accountId) {
        RemediationPolicy policy = parse(context);
        JsonNode members = context == null ? null : context.get("memberAccounts");
        if (accountId == null || members == null || !members.isArray()) {
            return policy;
        }
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            if (accountId.equals(member.path("id").asText(null))) {
                return policy.withMode(mode("memberAccounts[" + i + "].remediationMode",
                        member.get("remediationMode"), policy.mode()));
            }
        }
        return policy;
    }

    /** The {@code ingressAllowList} value alone: a JSON list of entries. */
    public static AllowList allowList(JsonNode list) {
        String key = "ingressAllowList";
        if (list == null || !list.isArray()) {
            throw new PolicyException(key, "expected a JSON list of {protocol, fromPort, toPort, source, required}");
        }
        List<AllowListEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(key + "[" + i + "]", list.get(i)));
        }
        return new AllowList(entries);
    }

    private static AllowListEntry entry(String key, JsonNode node) {
        requireObject(key, node);
        rejectUnknownKeys(key, node, ENTRY_KEYS);
        String protocol;
        try {
            protocol = SgRule.canonicalProtocol(text(key + ".protocol", node.get("protocol")));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(key + ".protocol", "expected tcp, udp, icmp, icmpv6, -1 or a protocol number 0-255");
        }
        boolean ported = protocol.equals("tcp") || protocol.equals("udp");
        Integer fromPort = port(key + ".fromPort", node.get("fromPort"), ported);
        Integer toPort = node.has("toPort") ? port(key + ".toPort", node.get("toPort"), ported) : fromPort;
        RuleSource source;
        try {
            source = RuleSource.parse(text(key + ".source", node.get("source")));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(key + ".source",
                    "expected an IPv4/IPv6 CIDR, pl-..., sg-... or 123456789012/sg-... (" + e.getMessage() + ")");
        }
        SgRule rule;
        try {
            rule = SgRule.of(protocol, fromPort, toPort, source);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(key, e.getMessage());
        }
        String description = node.has("description") ? text(key + ".description", node.get("description")) : null;
        return new AllowListEntry(rule, bool(key + ".required", node.get("required"), false), description);
    }

    private static Integer port(String key, JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new PolicyException(key, "required for tcp and udp (an integer 0-65535)");
            }
            return null;
        }
        if (node.canConvertToExactIntegral() || node.isTextual() && node.asText().matches("-?\\d{1,5}")) {
            int value = node.isTextual() ? Integer.parseInt(node.asText()) : node.asInt();
            if (value >= -1 && value <= 65535) {
                return value;
            }
        }
        throw new PolicyException(key, "expected an integer 0-65535 (-1 for any icmp type/code), got " + node);
    }

    private static RemediationMode mode(String key, JsonNode node, RemediationMode fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        String expected = Arrays.stream(RemediationMode.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (node.isTextual()) {
            try {
                return RemediationMode.valueOf(node.asText().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the one-line error below
            }
        }
        throw new PolicyException(key, "expected one of " + expected + ", got " + node);
    }

    private static Set<String> groupIds(JsonNode node) {
        String key = "exemptSecurityGroupIds";
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new PolicyException(key, "expected a JSON list of security-group ids (sg-...)");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual() || !GROUP_ID.matcher(id.asText()).matches()) {
                throw new PolicyException(key + "[" + i + "]", "expected a security-group id (sg-...), got " + id);
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static String tagKey(JsonNode node, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        String value = text("remediation.exemptTagKey", node);
        if (value.isBlank() || value.length() > 128) {
            throw new PolicyException("remediation.exemptTagKey", "expected a tag key of 1-128 characters");
        }
        return value;
    }

    private static boolean bool(String key, JsonNode node, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw new PolicyException(key, "expected true or false, got " + node);
    }

    private static String text(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new PolicyException(key, "is required");
        }
        if (!node.isTextual()) {
            throw new PolicyException(key, "expected a string, got " + node);
        }
        return node.asText();
    }

    private static void requireObject(String key, JsonNode node) {
        if (!node.isObject()) {
            throw new PolicyException(key, "expected a JSON object, got " + node);
        }
    }

    private static void rejectUnknownKeys(String key, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new PolicyException(key + "." + name, "unknown key (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }
}
