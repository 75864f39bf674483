package dev.securitywatch.remediation.rule;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The source of one ingress rule, canonical: CIDRs with host bits cleared, security-group references as
 * {@code sg-...} (same account) or {@code 123456789012/sg-...} (another account).
 */
public record RuleSource(SourceType type, String value) implements Comparable<RuleSource> {
    /*
     * The shape of a reference as EC2 and Config report it (AWS samples and fixtures use short ids such as sg-01):
     * live rules are taken as they are. What a user writes in a setting is held to the strict forms first, by
     * PolicyParser with SecurityGroupId.
     */
    private static final Pattern REPORTED_PREFIX_LIST = Pattern.compile("pl-[0-9a-zA-Z]+");
    private static final Pattern REPORTED_GROUP = Pattern.compile("sg-[0-9a-zA-Z]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Comparator<RuleSource> ORDER =
            Comparator.comparing(RuleSource::type).thenComparing(RuleSource::value);

    public static RuleSource cidr(String text) {
        Cidr cidr = Cidr.parse(text.trim());
        return new RuleSource(cidr.ipv6() ? SourceType.CIDR6 : SourceType.CIDR4, cidr.toString());
    }

    public static RuleSource prefixList(String id) {
        if (!REPORTED_PREFIX_LIST.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + id + "\" is not a prefix-list id (pl-...)");
        }
        return new RuleSource(SourceType.PREFIX_LIST, id);
    }

    /** A reference to {@code groupId}; the owner prefix is dropped when it is the referencing group's own account. */
    public static RuleSource securityGroup(String groupId, String userId, String ownerAccount) {
        if (!REPORTED_GROUP.matcher(groupId).matches()) {
            throw new IllegalArgumentException("\"" + groupId + "\" is not a security-group id (sg-...)");
        }
        boolean sameAccount = userId == null || userId.isEmpty() || userId.equals(ownerAccount);
        return new RuleSource(SourceType.SECURITY_GROUP, sameAccount ? groupId : userId + "/" + groupId);
    }

    /** Reads the forms a user writes in cdk.json: a CIDR, {@code pl-...}, {@code sg-...} or {@code 123456789012/sg-...}. */
    public static RuleSource parse(String text) {
        if (text.startsWith("pl-")) {
            return prefixList(text);
        }
        if (text.startsWith("sg-")) {
            return securityGroup(text, null, null);
        }
        int slash = text.indexOf('/');
        if (slash > 0 && ACCOUNT_ID.matcher(text.substring(0, slash)).matches()) {
            return securityGroup(text.substring(slash + 1), text.substring(0, slash), null);
        }
        return cidr(text);
    }

    /** True when every address this source admits is also admitted by this one. */
    public boolean covers(RuleSource other) {
        if (type != other.type) {
            return false;
        }
        return switch (type) {
            case CIDR4, CIDR6 -> Cidr.parse(value).contains(Cidr.parse(other.value));
            case PREFIX_LIST -> value.equals(other.value);
            // An entry without an owner names the group wherever it lives; group ids are unique per region.
            case SECURITY_GROUP -> groupId().equals(other.groupId())
                    && (userId() == null || userId().equals(other.userId()));
        };
    }

    public String groupId() {
        return value.substring(value.indexOf('/') + 1);
    }

    /** The owning account of a cross-account group reference, or null. */
    public String userId() {
        int slash = value.indexOf('/');
        return type == SourceType.SECURITY_GROUP && slash > 0 ? value.substring(0, slash) : null;
    }

    @Override
    public int compareTo(RuleSource other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return value;
    }
}
