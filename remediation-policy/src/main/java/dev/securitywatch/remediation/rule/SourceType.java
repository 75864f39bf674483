package dev.securitywatch.remediation.rule;

/** Where an ingress rule lets traffic come from; {@link #wireName()} is the name used in every JSON output. */
public enum SourceType {
    CIDR4("cidr4"),
    CIDR6("cidr6"),
    PREFIX_LIST("prefixList"),
    SECURITY_GROUP("securityGroup");

    private final String wireName;

    SourceType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isCidr() {
        return this == CIDR4 || this == CIDR6;
    }
}
