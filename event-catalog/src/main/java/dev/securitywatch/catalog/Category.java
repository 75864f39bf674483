package dev.securitywatch.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A group of catalog entries that users switch on or off together through the {@code catalog} context key. */
public enum Category {
    IAM("IAM"),
    ORGANIZATIONS("Organizations"),
    ROOT_ACTIVITY("Root activity"),
    CONSOLE_SIGN_IN("Console sign-in"),
    UNAUTHORIZED_CALLS("Unauthorized API calls"),
    SECURITY_GROUP("Security groups"),
    NETWORK("Network (NACL, gateway, route table, VPC)"),
    LOGGING("CloudTrail and Config"),
    DATA_PROTECTION("KMS and S3"),
    SHARING("Snapshots and images shared, copied or exported"),
    DATABASES("RDS and Aurora"),
    COMPUTE("EC2 and ECS persistence and access"),
    MONITORING("Logging and monitoring below CloudTrail"),
    EDGE_AND_IDENTITY("WAF, Identity Center and account settings"),
    DATA_SERVICES("Bedrock, Macie, EFS, ECR, Secrets Manager, CodeBuild, Lambda URLs, SES"),
    NOTIFICATION_TAMPERING("Notification tampering (SNS)"),
    PIPELINE_TAMPERING("Pipeline tampering (EventBridge, Logs, Lambda)"),
    DETECTION_TAMPERING("Detection tampering (GuardDuty, Security Hub)"),
    THREAT_FINDING("GuardDuty findings"),
    POSTURE_FINDING("Security Hub findings"),
    REMEDIATION("Security Watch remediation results"),
    HEALTH("Security Watch health (its own alarms)");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The kebab-case id used in context and output, e.g. {@code pipeline-tampering}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
