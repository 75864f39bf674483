package dev.securitywatch.notifier.cloudtrail;

import dev.securitywatch.event.CloudTrailEvent;
import java.util.Map;

/** The "resource kind" of the headline, e.g. "Security group" in "Security group change detected". */
final class ResourceKinds {
    private static final Map<String, String> BY_SERVICE = Map.ofEntries(
            Map.entry("iam", "IAM"), Map.entry("sts", "STS credentials"), Map.entry("signin", "Console sign-in"),
            Map.entry("organizations", "AWS Organizations"), Map.entry("cloudtrail", "CloudTrail"),
            Map.entry("config", "AWS Config"), Map.entry("kms", "KMS key"), Map.entry("s3", "S3 bucket"),
            Map.entry("sns", "SNS topic"), Map.entry("events", "EventBridge"), Map.entry("logs", "CloudWatch Logs"),
            Map.entry("lambda", "Lambda function"), Map.entry("guardduty", "GuardDuty"),
            Map.entry("securityhub", "Security Hub"), Map.entry("route53domains", "Route 53 domain"),
            Map.entry("ec2", "EC2 network"), Map.entry("rds", "RDS"), Map.entry("secretsmanager", "Secrets Manager"),
            Map.entry("ssm", "Systems Manager"));

    private ResourceKinds() {
    }

    static String of(CloudTrailEvent event) {
        String name = event.eventName();
        if (name.contains("SecurityGroup")) {
            return "Security group";
        }
        String source = event.eventSource();
        String service = source.contains(".") ? source.substring(0, source.indexOf('.')) : source;
        return BY_SERVICE.getOrDefault(service, service);
    }
}
