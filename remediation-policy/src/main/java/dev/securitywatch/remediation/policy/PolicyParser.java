package dev.securitywatch.remediation.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader and validator of the remediation settings, with their defaults from
 * {@link RemediationPolicy#defaults()} and {@link RemediationContext#defaults()}. It reads:
 * <ul>
 *   <li>a cdk.json context ({@link #parseContext}): infra at synth, and the plan CLI's {@code --context};</li>
 *   <li>the Lambda's {@code REMEDIATION_POLICY} ({@link #parse(JsonNode)}): the same keys, as {@link PolicyJson}
 *       writes them for one account.</li>
 * </ul>
 * Every key is optional; context keys other than {@link #CONTEXT_KEYS} are ignored. An invalid value throws a
 * {@link PolicyException} of one line naming the context key and the expected form, e.g.
 * {@code ingressAllowList[1].toPort: expected a port at or above fromPort 443, got 80}.
 */
public final class PolicyParser {
    public static final String MODE = "remediationMode";
    public static final String ALLOW_LIST = "ingressAllowList";
    public static final String EXEMPT_GROUP_IDS = "exemptSecurityGroupIds";
    public static final String OPTIONS = "remediation";
    public static final String MEMBER_ACCOUNTS = "memberAccounts";
    /** The top-level context keys read here; of {@code memberAccounts}, only each entry's {@code remediationMode}. */
    public static final List<String> CONTEXT_KEYS = List.of(MODE, ALLOW_LIST, EXEMPT_GROUP_IDS, OPTIONS,
            MEMBER_ACCOUNTS);

    private static final Set<String> ENTRY_KEYS = Set.of("protocol", "fromPort", "toPort", "source", "required",
            "description");
    private static final Set<String> OPTION_KEYS = Set.of("exemptTagKey", "defaultGroupPolicy",
            "cloudFormationGroupPolicy", "revokeNonCidrSources", "periodicFrequency");
    /** The characters AWS allows in a tag key. */
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern PREFIX_LIST_ID = Pattern.compile("pl-[0-9a-f]{8,17}");
    private static final Pattern OTHER_ACCOUNT_GROUP = Pattern.compile("\\d{12}/(.*)");
    private static final Pattern PORT_TEXT = Pattern.compile("-?\\d{1,5}");
    private static final String ALLOW_LIST_FORM = "a list of {protocol, fromPort, toPort, source, required,"
            + " description}";
    private static final String PROTOCOL_FORM = "tcp, udp, icmp, icmpv6, -1 or a protocol number 0-255";
    private static final String SOURCE_FORM = "an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group"
            + " (sg-... or 123456789012/sg-...)";
    private static final String TAG_KEY_FORM = "a tag key of 1-128 letters, digits, spaces and _.:/=+-@";
    private static final int SHOWN_VALUE = 80;

    private PolicyParser() {
    }

    /** Reads the remediation keys of a cdk.json context; null or absent means every default. */
    public static RemediationContext parseContext(JsonNode context) {
        if (absent(context)) {
            return RemediationContext.defaults();
        }
        if (!context.isObject()) {
            throw new PolicyException("context", "expected an object with the remediation keys, got " + shown(context));
        }
        RemediationPolicy defaults = RemediationPolicy.defaults();
        JsonNode options = context.path(OPTIONS);
        if (!absent(options)) {
            requireObject(OPTIONS, options);
            rejectUnknownKeys(OPTIONS, options, OPTION_KEYS);
        }
        RemediationPolicy policy = new RemediationPolicy(
                mode(MODE, context.get(MODE), defaults.mode()),
                absent(context.get(ALLOW_LIST)) ? defaults.allowList() : allowList(context.get(ALLOW_LIST)),
                groupIds(context.get(EXEMPT_GROUP_IDS)),
                tagKey(OPTIONS + ".exemptTagKey", options.get("exemptTagKey"), defaults.exemptTagKey()),
                mode(OPTIONS + ".defaultGroupPolicy", options.get("defaultGroupPolicy"), defaults.defaultGroupPolicy()),
                mode(OPTIONS + ".cloudFormationGroupPolicy", options.get("cloudFormationGroupPolicy"),
                        defaults.cloudFormationGroupPolicy()),
                bool(OPTIONS + ".revokeNonCidrSources", options.get("revokeNonCidrSources"),
                        defaults.revokeNonCidrSources()));
        return new RemediationContext(policy, accountModes(context.get(MEMBER_ACCOUNTS)),
                frequency(OPTIONS + ".periodicFrequency", options.get("periodicFrequency")));
    }

    /** The policy with the global mode: how the Lambda reads its {@code REMEDIATION_POLICY}. */
    public static RemediationPolicy parse(JsonNode context) {
        return parseContext(context).policy();
    }

    /** The policy of one account of a whole cdk.json context, with that account's own mode when it sets one. */
    public static RemediationPolicy parse(JsonNode context, String accountId) {
        return parseContext(context).policyFor(accountId);
    }

    /** The {@code ingressAllowList} value alone: a JSON list of entries. */
    public static AllowList allowList(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw new PolicyException(ALLOW_LIST, "expected " + ALLOW_LIST_FORM + ", got " + shown(list));
        }
        List<AllowListEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(ALLOW_LIST + "[" + i + "]", list.get(i)));
        }
        return new AllowList(entries);
    }

    private static AllowListEntry entry(String key, JsonNode node) {
        requireObject(key, node);
        rejectUnknownKeys(key, node, ENTRY_KEYS);
        String protocol = protocol(key + ".protocol", node.get("protocol"));
        Integer fromPort;
        Integer toPort;
        if (protocol.equals("tcp") || protocol.equals("udp")) {
            fromPort = port(key + ".fromPort", node.get("fromPort"), true);
            toPort = absent(node.get("toPort")) ? fromPort : port(key + ".toPort", node.get("toPort"), false);
            if (toPort < fromPort) {
                throw new PolicyException(key + ".toPort", "expected a port at or above fromPort " + fromPort
                        + ", got " + toPort);
            }
        } else if (protocol.equals("icmp") || protocol.equals("icmpv6")) {
            fromPort = icmpField(key + ".fromPort", node.get("fromPort"));
            toPort = icmpField(key + ".toPort", node.get("toPort"));
        } else {
            // AWS ignores ports for all traffic and for other protocol numbers; they are checked, then dropped.
            fromPort = integer(key + ".fromPort", node.get("fromPort"), -1, 65535, "an integer -1-65535");
            toPort = integer(key + ".toPort", node.get("toPort"), -1, 65535, "an integer -1-65535");
        }
        RuleSource source = source(key + ".source", node.get("source"));
        SgRule rule;
        try {
            rule = SgRule.of(protocol, fromPort, toPort, source);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(key, e.getMessage());
        }
        return new AllowListEntry(rule, bool(key + ".required", node.get("required"), false),
                description(key + ".description", node.get("description")));
    }

    private static String protocol(String key, JsonNode node) {
        String text = text(key, node, PROTOCOL_FORM);
        try {
            return SgRule.canonicalProtocol(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(key, "expected " + PROTOCOL_FORM + ", got " + shown(node));
        }
    }

    private static Integer port(String key, JsonNode node, boolean required) {
        if (absent(node)) {
            if (required) {
                throw new PolicyException(key, "required for tcp and udp (an integer 0-65535)");
            }
            return null;
        }
        return integer(key, node, 0, 65535, "an integer 0-65535");
    }

    private static Integer icmpField(String key, JsonNode node) {
        return absent(node) ? Integer.valueOf(-1)
                : integer(key, node, -1, 255, "an icmp type or code 0-255, or -1 for any");
    }

    /** A whole number in range; as a JSON number or, leniently, as a string of digits. Absent gives null. */
    private static Integer integer(String key, JsonNode node, int min, int max, String form) {
        if (absent(node)) {
            return null;
        }
        if (node.canConvertToExactIntegral() && node.canConvertToInt()
                || node.isTextual() && PORT_TEXT.matcher(node.asText()).matches()) {
            int value = node.isTextual() ? Integer.parseInt(node.asText()) : node.asInt();
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw new PolicyException(key, "expected " + form + ", got " + shown(node));
    }

    private static RuleSource source(String key, JsonNode node) {
        String text = text(key, node, SOURCE_FORM);
        Matcher otherAccount = OTHER_ACCOUNT_GROUP.matcher(text);
        String groupId = text.startsWith("sg-") ? text : otherAccount.matches() ? otherAccount.group(1) : null;
        if (groupId != null && !SecurityGroupId.isValid(groupId)) {
            throw new PolicyException(key, "expected " + SOURCE_FORM + ", got " + shown(node) + "; "
                    + SecurityGroupId.FORM);
        }
        if (text.startsWith("pl-") && !PREFIX_LIST_ID.matcher(text).matches()) {
            throw new PolicyException(key, "expected " + SOURCE_FORM + ", got " + shown(node)
                    + "; a prefix list id is pl- and 8 to 17 lowercase hex digits");
        }
        try {
            return RuleSource.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(key, "expected " + SOURCE_FORM + ", got " + shown(node) + " ("
                    + e.getMessage() + ")");
        }
    }

    private static String description(String key, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PolicyException(key, "expected a string, got " + shown(node));
        }
        // Blank is absent: the env that infra writes spells an absent description "".
        return node.asText().isBlank() ? null : node.asText();
    }

    private static RemediationMode mode(String key, JsonNode node, RemediationMode fallback) {
        if (absent(node)) {
            return fallback;
        }
        if (node.isTextual()) {
            for (RemediationMode mode : RemediationMode.values()) {
                if (mode.name().equals(node.asText())) {
                    return mode;
                }
            }
        }
        throw new PolicyException(key, "expected one of " + List.of(RemediationMode.values()) + ", got "
                + shown(node));
    }

    private static Set<String> groupIds(JsonNode node) {
        if (absent(node)) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new PolicyException(EXEMPT_GROUP_IDS, "expected a list of security group ids such as"
                    + " sg-0123456789abcdef0, got " + shown(node));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual() || !SecurityGroupId.isValid(id.asText())) {
                throw new PolicyException(EXEMPT_GROUP_IDS + "[" + i + "]", "expected " + SecurityGroupId.EXPECTED
                        + ", got " + shown(id) + "; " + SecurityGroupId.FORM);
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /** Each member account's own {@code remediationMode}; the rest of {@code memberAccounts} is infra's to check. */
    private static Map<String, RemediationMode> accountModes(JsonNode members) {
        Map<String, RemediationMode> modes = new LinkedHashMap<>();
        if (members == null || !members.isArray()) {
            return modes;
        }
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            JsonNode mode = member.get(MODE);
            if (member.isObject() && !absent(mode)) {
                RemediationMode parsed = mode(MEMBER_ACCOUNTS + "[" + i + "]." + MODE, mode, null);
                if (member.path("id").isTextual()) {
                    modes.putIfAbsent(member.path("id").asText(), parsed);
                }
            }
        }
        return modes;
    }

    private static String tagKey(String key, JsonNode node, String fallback) {
        if (absent(node)) {
            return fallback;
        }
        String value = text(key, node, TAG_KEY_FORM);
        if (!TAG_KEY.matcher(value).matches()) {
            throw new PolicyException(key, "expected " + TAG_KEY_FORM + ", got " + shown(node));
        }
        return value;
    }

    private static String frequency(String key, JsonNode node) {
        if (absent(node)) {
            return RemediationContext.DEFAULT_PERIODIC_FREQUENCY;
        }
        if (!node.isTextual() || !RemediationContext.PERIODIC_FREQUENCIES.contains(node.asText())) {
            throw new PolicyException(key, "expected a Config frequency, one of "
                    + RemediationContext.PERIODIC_FREQUENCIES + ", got " + shown(node));
        }
        return node.asText();
    }

    private static boolean bool(String key, JsonNode node, boolean fallback) {
        if (absent(node)) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw new PolicyException(key, "expected true or false, got " + shown(node));
    }

    /** A non-blank string; anything else is reported with the form expected. */
    private static String text(String key, JsonNode node, String form) {
        if (absent(node) || !node.isTextual() || node.asText().isBlank()) {
            throw new PolicyException(key, "expected " + form + ", got " + shown(node));
        }
        return node.asText();
    }

    private static void requireObject(String key, JsonNode node) {
        if (!node.isObject()) {
            throw new PolicyException(key, "expected an object, got " + shown(node));
        }
    }

    /** A typo must not silently fall back to a default. */
    private static void rejectUnknownKeys(String key, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new PolicyException(key + "." + name, "unknown setting; known settings are "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The value as JSON (strings quoted), cut to one short line. */
    private static String shown(JsonNode node) {
        if (absent(node)) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > SHOWN_VALUE ? text.substring(0, SHOWN_VALUE - 3) + "..." : text;
    }
}
