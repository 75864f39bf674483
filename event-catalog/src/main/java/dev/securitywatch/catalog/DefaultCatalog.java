package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.CONSOLE_SIGN_IN;
import static dev.securitywatch.catalog.Category.DATA_PROTECTION;
import static dev.securitywatch.catalog.Category.DETECTION_TAMPERING;
import static dev.securitywatch.catalog.Category.IAM;
import static dev.securitywatch.catalog.Category.LOGGING;
import static dev.securitywatch.catalog.Category.NETWORK;
import static dev.securitywatch.catalog.Category.NOTIFICATION_TAMPERING;
import static dev.securitywatch.catalog.Category.ORGANIZATIONS;
import static dev.securitywatch.catalog.Category.PIPELINE_TAMPERING;
import static dev.securitywatch.catalog.Category.POSTURE_FINDING;
import static dev.securitywatch.catalog.Category.REMEDIATION;
import static dev.securitywatch.catalog.Category.ROOT_ACTIVITY;
import static dev.securitywatch.catalog.Category.SECURITY_GROUP;
import static dev.securitywatch.catalog.Category.THREAT_FINDING;
import static dev.securitywatch.catalog.Category.UNAUTHORIZED_CALLS;
import static dev.securitywatch.catalog.EntryBuilder.anyAwsService;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.LOW;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;
import java.util.Map;

/** The watched events. Order matters only for display: the README table and `list` follow it. */
final class DefaultCatalog {

    static final String REMEDIATION_SOURCE = "security-watch.remediation";
    static final String REMEDIATION_DETAIL_TYPE = "Security Group Remediation";

    private DefaultCatalog() {
    }

    static List<CatalogEntry> entries() {
        return List.of(
                // --- IAM (global service: events arrive in us-east-1 only) ---
                cloudTrail("iam-policy-change", IAM, HIGH, "iam").usEast1Only()
                        .names("AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy",
                                "DetachGroupPolicy", "DetachRolePolicy", "DetachUserPolicy",
                                "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
                                "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
                                "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
                                "SetDefaultPolicyVersion",
                                "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary",
                                "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary")
                        .title("IAM policy changed")
                        .reference("CIS CloudWatch.4; original seed list").build(),
                cloudTrail("iam-role-change", IAM, HIGH, "iam").usEast1Only()
                        .names("CreateRole", "DeleteRole", "UpdateAssumeRolePolicy", "UpdateRole")
                        .title("IAM role created, deleted or its trust policy changed")
                        .reference("CIS CloudWatch.4; original seed list").build(),
                cloudTrail("iam-principal-change", IAM, MEDIUM, "iam").usEast1Only()
                        .names("CreateUser", "DeleteUser", "CreateGroup", "DeleteGroup",
                                "AddUserToGroup", "RemoveUserFromGroup")
                        .title("IAM user or group created, deleted or membership changed")
                        .reference("original seed list; CIS 1.15").build(),
                cloudTrail("iam-access-key", IAM, HIGH, "iam").usEast1Only()
                        .names("CreateAccessKey", "UpdateAccessKey", "DeleteAccessKey")
                        .title("IAM access key created, changed or deleted")
                        .reference("original seed list; Stratus aws.persistence.iam-create-admin-user").build(),
                cloudTrail("iam-login-profile", IAM, MEDIUM, "iam").usEast1Only()
                        .names("ChangePassword", "CreateLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile")
                        .title("IAM console password changed")
                        .reference("original seed list; CIS CloudWatch.4").build(),
                cloudTrail("iam-mfa-change", IAM, MEDIUM, "iam").usEast1Only()
                        .names("CreateVirtualMFADevice", "DeleteVirtualMFADevice", "EnableMFADevice",
                                "DeactivateMFADevice", "ResyncMFADevice")
                        .title("IAM MFA device changed")
                        .reference("CIS 1.10; research note: MFA removal precedes account takeover").build(),
                cloudTrail("iam-identity-provider", IAM, HIGH, "iam").usEast1Only()
                        .names("CreateSAMLProvider", "UpdateSAMLProvider", "DeleteSAMLProvider",
                                "CreateOpenIDConnectProvider", "DeleteOpenIDConnectProvider",
                                "UpdateOpenIDConnectProviderThumbprint", "AddClientIDToOpenIDConnectProvider",
                                "RemoveClientIDFromOpenIDConnectProvider")
                        .title("IAM SAML or OIDC identity provider changed")
                        .reference("CIS CloudWatch.4; research note: rogue IdP persistence").build(),
                cloudTrail("iam-account-password-policy", IAM, MEDIUM, "iam").usEast1Only()
                        .names("UpdateAccountPasswordPolicy", "DeleteAccountPasswordPolicy")
                        .title("IAM account password policy changed")
                        .reference("CIS 1.8").build(),
                cloudTrail("sts-federation-token", IAM, MEDIUM, "sts").usEast1Only()
                        .names("GetFederationToken").includingReadOnlyCalls()
                        .title("Federation token issued to an IAM user")
                        .reference("Stratus aws.persistence.sts-federation-token; GetFederationToken mints"
                                + " credentials despite its Get prefix").build(),

                // --- Organizations (global, management account) ---
                cloudTrail("organizations-change", ORGANIZATIONS, HIGH, "organizations").usEast1Only()
                        .names("AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit",
                                "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
                                "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType",
                                "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization",
                                "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy",
                                "UpdateOrganizationalUnit", "DeregisterDelegatedAdministrator",
                                "RegisterDelegatedAdministrator", "DisableAWSServiceAccess")
                        .title("AWS Organizations changed")
                        .reference("CIS 4.15 (CloudWatch.15)").build(),
                cloudTrail("route53-domain-transfer", NETWORK, HIGH, "route53domains").usEast1Only()
                        .names("TransferDomain", "TransferDomainToAnotherAwsAccount", "DisableDomainTransferLock",
                                "UpdateDomainContact")
                        .title("Route 53 domain transfer or contact change")
                        .reference("research note: domain hijack through transfer lock removal").build(),

                // --- Root and sign-in (every region: sign-in is logged where the endpoint is) ---
                anyAwsService("root-activity", ROOT_ACTIVITY, CRITICAL)
                        .detailTypes(CatalogEntry.API_CALL, CatalogEntry.CONSOLE_SIGN_IN)
                        .where("userIdentity", Map.of("type", List.of("Root"),
                                "invokedBy", List.of(Map.of("exists", false))))
                        .includingReadOnlyCalls()
                        .title("Root user activity")
                        .reference("CIS CloudWatch.1 (3.3)").build(),
                cloudTrail("console-sign-in-without-mfa", CONSOLE_SIGN_IN, HIGH, "signin")
                        .detailTypes(CatalogEntry.CONSOLE_SIGN_IN).names("ConsoleLogin")
                        .where("userIdentity", Map.of("type", List.of("IAMUser")))
                        .where("additionalEventData", Map.of("MFAUsed", List.of("No")))
                        .where("responseElements", Map.of("ConsoleLogin", List.of("Success")))
                        .title("Console sign-in without MFA")
                        .reference("CIS CloudWatch.2 (3.2)").build(),
                cloudTrail("console-sign-in-failure", CONSOLE_SIGN_IN, MEDIUM, "signin")
                        .detailTypes(CatalogEntry.CONSOLE_SIGN_IN).names("ConsoleLogin")
                        .where("responseElements", Map.of("ConsoleLogin", List.of("Failure")))
                        .title("Console sign-in failed")
                        .reference("CIS CloudWatch.6 (3.6)").build(),
                cloudTrail("console-sign-in", CONSOLE_SIGN_IN, LOW, "signin")
                        .detailTypes(CatalogEntry.CONSOLE_SIGN_IN).names("ConsoleLogin")
                        .optIn()
                        .title("Console sign-in")
                        .reference("research note: every sign-in, for teams that audit all console access").build(),
                anyAwsService("unauthorized-api-call", UNAUTHORIZED_CALLS, LOW)
                        .where("errorCode", List.of(Map.of("suffix", "UnauthorizedOperation"),
                                Map.of("prefix", "AccessDenied")))
                        .includingReadOnlyCalls().optIn()
                        .title("Unauthorized API call")
                        .reference("CIS CloudWatch.1 (3.1); opt-in because it is noisy").build(),

                // --- Security groups and network (every region) ---
                cloudTrail("security-group-change", SECURITY_GROUP, MEDIUM, "ec2")
                        .names("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                                "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
                                "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules")
                        .title("Security group changed")
                        .reference("CIS CloudWatch.10 (4.10); original seed list; ModifySecurityGroupRules"
                                + " is missed by most public catalogs").build(),
                cloudTrail("network-acl-change", NETWORK, MEDIUM, "ec2")
                        .names("CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
                                "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation")
                        .title("Network ACL changed")
                        .reference("CIS CloudWatch.11 (4.11)").build(),
                cloudTrail("network-gateway-change", NETWORK, MEDIUM, "ec2")
                        .names("CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
                                "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway")
                        .title("Network gateway changed")
                        .reference("CIS CloudWatch.12 (4.12)").build(),
                cloudTrail("route-table-change", NETWORK, MEDIUM, "ec2")
                        .names("CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
                                "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable")
                        .title("Route table changed")
                        .reference("CIS CloudWatch.13 (4.13)").build(),
                cloudTrail("vpc-change", NETWORK, MEDIUM, "ec2")
                        .names("CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
                                "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
                                "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc",
                                "DisableVpcClassicLink", "EnableVpcClassicLink")
                        .title("VPC changed")
                        .reference("CIS CloudWatch.14 (4.14)").build(),

                // --- Logging: CloudTrail and Config ---
                cloudTrail("cloudtrail-stopped", LOGGING, CRITICAL, "cloudtrail")
                        .names("StopLogging", "DeleteTrail")
                        .title("CloudTrail logging stopped or trail deleted")
                        .reference("CIS CloudWatch.5 (4.5); Stratus aws.defense-evasion.cloudtrail-stop").build(),
                cloudTrail("cloudtrail-change", LOGGING, HIGH, "cloudtrail")
                        .names("CreateTrail", "UpdateTrail", "StartLogging", "PutEventSelectors",
                                "PutInsightSelectors", "DeleteEventDataStore", "UpdateEventDataStore",
                                "StopEventDataStoreIngestion")
                        .title("CloudTrail configuration changed")
                        .reference("CIS CloudWatch.5 (4.5); Stratus aws.defense-evasion.cloudtrail-event-selectors")
                        .build(),
                cloudTrail("config-change", LOGGING, HIGH, "config")
                        .names("StopConfigurationRecorder", "DeleteConfigurationRecorder", "PutConfigurationRecorder",
                                "DeleteDeliveryChannel", "PutDeliveryChannel", "DeleteConfigRule",
                                "DeleteConfigurationAggregator")
                        .title("AWS Config recording or rules changed")
                        .reference("CIS CloudWatch.9 (4.9)").build(),

                // --- Data protection: KMS and S3 ---
                cloudTrail("kms-key-disable-or-deletion", DATA_PROTECTION, HIGH, "kms")
                        .names("DisableKey", "ScheduleKeyDeletion")
                        .title("KMS key disabled or scheduled for deletion")
                        .reference("CIS CloudWatch.7 (4.7)").build(),
                cloudTrail("kms-key-policy-change", DATA_PROTECTION, MEDIUM, "kms")
                        .names("PutKeyPolicy")
                        .title("KMS key policy changed")
                        .reference("research note: key policy grants outlive IAM changes").build(),
                cloudTrail("s3-bucket-policy-change", DATA_PROTECTION, MEDIUM, "s3")
                        .names("PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle",
                                "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors",
                                "DeleteBucketLifecycle", "DeleteBucketReplication")
                        .title("S3 bucket policy or ACL changed")
                        .reference("CIS CloudWatch.8 (4.8)").build(),
                cloudTrail("s3-public-access-block-change", DATA_PROTECTION, HIGH, "s3")
                        .names("PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock")
                        .title("S3 Block Public Access changed")
                        .reference("research note: removing Block Public Access precedes data exposure").build(),

                // --- Tampering with notifications and with this pipeline ---
                cloudTrail("sns-tampering", NOTIFICATION_TAMPERING, MEDIUM, "sns")
                        .names("DeleteTopic", "SetTopicAttributes", "Subscribe", "Unsubscribe",
                                "SetSubscriptionAttributes", "AddPermission", "RemovePermission")
                        .title("SNS topic or subscription changed")
                        .reference("research note: alert suppression by unsubscribing").build(),
                cloudTrail("eventbridge-tampering", PIPELINE_TAMPERING, HIGH, "events")
                        .names("DeleteRule", "DisableRule", "RemoveTargets", "PutTargets", "PutPermission",
                                "RemovePermission", "DeleteEventBus")
                        .title("EventBridge rule, target or bus permission changed")
                        .reference("research note: the forwarding rules are this pipeline").build(),
                cloudTrail("logs-tampering", PIPELINE_TAMPERING, MEDIUM, "logs")
                        .names("DeleteLogGroup", "DeleteSubscriptionFilter", "PutSubscriptionFilter")
                        .title("CloudWatch Logs group or subscription changed")
                        .reference("research note: the audit path runs through a log subscription").build(),
                cloudTrail("lambda-tampering", PIPELINE_TAMPERING, MEDIUM, "lambda")
                        .namePrefixes("UpdateFunctionCode", "UpdateFunctionConfiguration", "DeleteFunction",
                                "AddPermission", "CreateFunctionUrlConfig", "UpdateFunctionUrlConfig")
                        .title("Lambda function code, configuration or permission changed")
                        .reference("research note: Lambda event names carry API-version suffixes, hence prefixes")
                        .build(),
                cloudTrail("guardduty-tampering", DETECTION_TAMPERING, HIGH, "guardduty")
                        .names("DeleteDetector", "UpdateDetector", "DisassociateFromAdministratorAccount",
                                "DisassociateFromMasterAccount", "DisassociateMembers", "DeleteMembers",
                                "StopMonitoringMembers", "DeletePublishingDestination",
                                "UpdatePublishingDestination", "CreateFilter", "UpdateFilter", "CreateIPSet",
                                "UpdateIPSet", "UpdateMalwareScanSettings")
                        .title("GuardDuty detector, membership or suppression changed")
                        .reference("Stratus aws.defense-evasion.guardduty-*; trusted IP lists and filters"
                                + " silence findings").build(),
                cloudTrail("securityhub-tampering", DETECTION_TAMPERING, HIGH, "securityhub")
                        .names("DisableSecurityHub", "DisassociateFromAdministratorAccount",
                                "DisassociateFromMasterAccount", "DisassociateMembers", "DeleteMembers",
                                "BatchDisableStandards", "UpdateStandardsControl")
                        .title("Security Hub disabled, membership or standards changed")
                        .reference("research note: leaving the administrator hides posture").build(),

                // --- Findings ---
                event("guardduty-finding", THREAT_FINDING, HIGH, "aws.guardduty", "GuardDuty Finding")
                        .title("GuardDuty finding")
                        .reference("GuardDuty EventBridge integration").build(),
                event("securityhub-finding-asff", POSTURE_FINDING, HIGH, "aws.securityhub",
                        "Security Hub Findings - Imported")
                        .where("findings", Map.of(
                                "Severity", Map.of("Label", List.of("CRITICAL", "HIGH")),
                                "RecordState", List.of("ACTIVE"),
                                "Workflow", Map.of("Status", List.of("NEW"))))
                        .optIn()
                        .title("Security Hub finding (ASFF, new, high or critical)")
                        .reference("Security Hub CSPM EventBridge integration").build(),
                event("securityhub-finding-ocsf", POSTURE_FINDING, HIGH, "aws.securityhub", "Findings Imported V2")
                        .where("findings", Map.of("severity", List.of("Critical", "High", "Fatal")))
                        .optIn()
                        .title("Security Hub finding (OCSF, high or critical)")
                        .reference("Security Hub EventBridge integration (Findings Imported V2)").build(),

                // --- This project's own remediation results ---
                event("security-group-remediation", REMEDIATION, MEDIUM, REMEDIATION_SOURCE, REMEDIATION_DETAIL_TYPE)
                        .title("Security group remediated by Security Watch")
                        .reference("Security Watch config-remediation-lambda").build());
    }
}
