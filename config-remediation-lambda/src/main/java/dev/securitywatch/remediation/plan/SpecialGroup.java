package dev.securitywatch.remediation.plan;

/** Groups whose rules have another owner, so out-of-band changes get undone or fought over. */
public enum SpecialGroup {
    /** The VPC's default group: it cannot be deleted and is easily attached by accident. */
    DEFAULT_GROUP,
    /** A group managed by a CloudFormation stack: the next deployment restores whatever the template says. */
    CLOUDFORMATION_MANAGED
}
