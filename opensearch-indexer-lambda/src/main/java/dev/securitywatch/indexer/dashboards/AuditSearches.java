package dev.securitywatch.indexer.dashboards;

import java.util.List;

/**
 * The searches for CIS AWS Foundations Benchmark 4.1-4.15 (the CloudWatch metric filters, as searches over the
 * audit trail), plus Security Watch's own: changes made by the remediation role, remediation results, and Security
 * Hub membership changes.
 */
public final class AuditSearches {
    private static final List<String> API_COLUMNS = List.of("cloud.account.id", "cloud.region", "user.name",
            "event.action", "event.outcome", "source.ip");

    private AuditSearches() {
    }

    public static List<AuditSearch> all() {
        return List.of(
                cis("4.1", "Unauthorized API calls",
                        "errorCode:(*UnauthorizedOperation OR AccessDenied*)"),
                cis("4.2", "Console sign-in without MFA",
                        "eventName:ConsoleLogin AND userIdentity.type:IAMUser"
                                + " AND responseElements.ConsoleLogin:Success AND NOT additionalEventData.MFAUsed:Yes"),
                cis("4.3", "Root account usage",
                        "userIdentity.type:Root AND NOT _exists_:userIdentity.invokedBy"
                                + " AND NOT eventType:AwsServiceEvent"),
                cis("4.4", "IAM policy changes", "eventSource:iam.amazonaws.com AND eventName:("
                        + names("DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy",
                        "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion",
                        "DeletePolicyVersion", "SetDefaultPolicyVersion", "AttachRolePolicy", "DetachRolePolicy",
                        "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy") + ")"),
                cis("4.5", "CloudTrail configuration changes", "eventSource:cloudtrail.amazonaws.com AND eventName:("
                        + names("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging",
                        "PutEventSelectors") + ")"),
                cis("4.6", "Console authentication failures",
                        "eventName:ConsoleLogin AND event.outcome:failure"),
                cis("4.7", "KMS customer key disabled or scheduled for deletion",
                        "eventSource:kms.amazonaws.com AND eventName:(DisableKey OR ScheduleKeyDeletion)"),
                cis("4.8", "S3 bucket policy changes", "eventSource:s3.amazonaws.com AND eventName:("
                        + names("PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle",
                        "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle",
                        "DeleteBucketReplication") + ")"),
                cis("4.9", "AWS Config configuration changes", "eventSource:config.amazonaws.com AND eventName:("
                        + names("StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel",
                        "PutConfigurationRecorder") + ")"),
                cis("4.10", "Security group changes", "eventSource:ec2.amazonaws.com AND eventName:("
                        + names("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                        "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup",
                        "DeleteSecurityGroup", "ModifySecurityGroupRules") + ")"),
                cis("4.11", "Network ACL changes", "eventSource:ec2.amazonaws.com AND eventName:("
                        + names("CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
                        "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation") + ")"),
                cis("4.12", "Network gateway changes", "eventSource:ec2.amazonaws.com AND eventName:("
                        + names("CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
                        "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway") + ")"),
                cis("4.13", "Route table changes", "eventSource:ec2.amazonaws.com AND eventName:("
                        + names("CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
                        "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable") + ")"),
                cis("4.14", "VPC changes", "eventSource:ec2.amazonaws.com AND eventName:("
                        + names("CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
                        "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
                        "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink",
                        "EnableVpcClassicLink") + ")"),
                cis("4.15", "AWS Organizations changes", "eventSource:organizations.amazonaws.com AND eventName:("
                        + names("AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit",
                        "CreatePolicy", "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit",
                        "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
                        "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount",
                        "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit") + ")"),
                new AuditSearch("security-watch-remediation-role-changes", "Security Watch",
                        "Changes made by the remediation role",
                        // The exact role name, security-watch-remediation-<region>: a prefix would also list a
                        // look-alike such as security-watch-remediation-us-east-1-evil.
                        "userIdentity.sessionContext.sessionIssuer.userName:"
                                + "/security-watch-remediation-[a-z]{2}(-gov)?-[a-z]+-[0-9]/ AND NOT readOnly:true",
                        API_COLUMNS),
                new AuditSearch("security-watch-remediation-results", "Security Watch",
                        "Security group remediation results",
                        "aws.eventbridge.source:\"security-watch.remediation\"",
                        List.of("cloud.account.id", "cloud.region", "event.outcome", "user.name",
                                "rule.name")),
                new AuditSearch("security-watch-hub-membership", "Security Watch",
                        "Security Hub membership events", "eventSource:securityhub.amazonaws.com AND eventName:("
                        + names("CreateMembers", "DeleteMembers", "DisassociateMembers", "InviteMembers",
                        "AcceptInvitation", "AcceptAdministratorInvitation", "DeclineInvitations",
                        "DeleteInvitations", "DisassociateFromMasterAccount",
                        "DisassociateFromAdministratorAccount", "EnableSecurityHub", "DisableSecurityHub",
                        "EnableOrganizationAdminAccount", "DisableOrganizationAdminAccount") + ")",
                        API_COLUMNS));
    }

    private static AuditSearch cis(String control, String title, String query) {
        return new AuditSearch("security-watch-cis-" + control.replace('.', '-'), "CIS " + control,
                "CIS " + control + " " + title, query, API_COLUMNS);
    }

    private static String names(String... eventNames) {
        return String.join(" OR ", eventNames);
    }
}
