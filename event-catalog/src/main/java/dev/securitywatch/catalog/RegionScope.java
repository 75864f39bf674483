package dev.securitywatch.catalog;

/**
 * Where a member rule must run to see an event. Global services (IAM, Organizations, STS global endpoint,
 * Route 53 Domains) deliver their CloudTrail events to EventBridge in us-east-1 only.
 */
public enum RegionScope {
    US_EAST_1("us-east-1"),
    EVERY_REGION("every-region");

    public static final String GLOBAL_SERVICE_REGION = "us-east-1";

    private final String label;

    RegionScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean includes(String region) {
        return this == EVERY_REGION || GLOBAL_SERVICE_REGION.equals(region);
    }
}
