package dev.securitywatch.catalog;

import dev.securitywatch.event.CloudTrailEvent;
import java.util.Map;
import java.util.Optional;

/**
 * The "resource kind" an alert headline names, e.g. "Security group" in "Security group change detected". Each
 * CloudTrail entry carries one ({@link CatalogEntry#resourceKind()}); by default it is its service's label below.
 */
public final class ResourceKinds {

    /** Named by every event whose name contains {@code SecurityGroup}, whichever entry it matches. */
    public static final String SECURITY_GROUP = "Security group";

    /**
     * Default labels by service, the part of the CloudTrail {@code eventSource} before the first dot. A service not
     * listed is named as is (e.g. "appmesh"). Add a line when an entry watches a new service.
     */
    private static final Map<String, String> BY_SERVICE = Map.ofEntries(
            Map.entry("cloudtrail", "CloudTrail"),
            Map.entry("config", "AWS Config"),
            Map.entry("ec2", "EC2 network"),
            Map.entry("events", "EventBridge"),
            Map.entry("guardduty", "GuardDuty"),
            Map.entry("iam", "IAM"),
            Map.entry("kms", "KMS key"),
            Map.entry("lambda", "Lambda function"),
            Map.entry("logs", "CloudWatch Logs"),
            Map.entry("organizations", "AWS Organizations"),
            Map.entry("rds", "RDS"),
            Map.entry("route53domains", "Route 53 domain"),
            Map.entry("s3", "S3 bucket"),
            Map.entry("secretsmanager", "Secrets Manager"),
            Map.entry("securityhub", "Security Hub"),
            Map.entry("signin", "Console sign-in"),
            Map.entry("sns", "SNS topic"),
            Map.entry("ssm", "Systems Manager"),
            Map.entry("sts", "STS credentials"));

    private ResourceKinds() {
    }

    /** The default kind of a service's entries and events, e.g. {@code iam} gives "IAM". */
    public static String ofService(String service) {
        return BY_SERVICE.getOrDefault(service, service);
    }

    /**
     * The kind a headline names for a CloudTrail event: "Security group" for any name containing
     * {@code SecurityGroup}; else the matched entry's kind; else, for an entry that spans services or for no entry
     * at all, the default of the event's own service.
     */
    public static String of(Optional<CatalogEntry> entry, CloudTrailEvent event) {
        if (event.eventName().contains("SecurityGroup")) {
            return SECURITY_GROUP;
        }
        return entry.map(CatalogEntry::resourceKind).orElseGet(() -> ofService(serviceOf(event.eventSource())));
    }

    /** {@code iam.amazonaws.com} gives {@code iam}; a source without a dot is its own service. */
    static String serviceOf(String eventSource) {
        int dot = eventSource.indexOf('.');
        return dot >= 0 ? eventSource.substring(0, dot) : eventSource;
    }
}
