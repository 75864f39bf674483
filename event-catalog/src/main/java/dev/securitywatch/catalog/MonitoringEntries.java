package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.MONITORING;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;

/** Logging and monitoring turned off one layer below CloudTrail and Config: flow logs, alarms, DNS and EKS logs. */
final class MonitoringEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(MONITORING,
            cloudTrail("vpc-flow-logs-deleted", HIGH, "ec2").names("DeleteFlowLogs").succeeded()
                    .title("VPC flow logs deleted").resourceKind("VPC flow log")
                    .reference("Panther aws_vpc_flow_logs_deleted; Stratus aws.defense-evasion.vpc-remove-flow-logs"),
            cloudTrail("dns-query-logging-deleted", HIGH, "route53resolver")
                    .names("DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig").succeeded()
                    .title("Route 53 Resolver query logging deleted").resourceKind("DNS query logging")
                    .reference("Panther aws_dns_logs_deleted; Stratus aws.defense-evasion.dns-delete-logs"),
            cloudTrail("cloudwatch-alarms-deleted", MEDIUM, "monitoring")
                    .names("DeleteAlarms", "DisableAlarmActions").succeeded()
                    .title("CloudWatch alarms deleted or silenced").resourceKind("CloudWatch alarm")
                    .reference("research note: an alarm deleted is a detection gone"),
            cloudTrail("log-retention-cut", MEDIUM, "logs").names("DeleteLogStream", "PutRetentionPolicy",
                            "DeleteRetentionPolicy").succeeded()
                    .title("CloudWatch Logs stream deleted or retention changed").resourceKind("Log group")
                    .reference("research note: a short retention deletes the evidence on a timer"),
            cloudTrail("eks-logging-change", MEDIUM, "eks").names("UpdateClusterConfig").succeeded()
                    .title("EKS cluster configuration changed (control-plane logging, endpoint access)")
                    .resourceKind("EKS cluster")
                    .reference("research note: turning control-plane logging off hides Kubernetes API calls"));

    private MonitoringEntries() {
    }
}
