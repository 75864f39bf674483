package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.IAM;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** IAM and STS federation. IAM is a global service: its events arrive in us-east-1 only. */
final class IamEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(IAM,
            cloudTrail("iam-policy-change", HIGH, "iam").usEast1Only()
                    .names("AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy",
                            "DetachGroupPolicy", "DetachRolePolicy", "DetachUserPolicy",
                            "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
                            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
                            "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
                            "SetDefaultPolicyVersion",
                            "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary",
                            "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary")
                    .title("IAM policy changed")
                    .reference("CIS CloudWatch.4; original seed list"),
            cloudTrail("iam-role-change", HIGH, "iam").usEast1Only()
                    .names("CreateRole", "DeleteRole", "UpdateAssumeRolePolicy", "UpdateRole")
                    .title("IAM role created, deleted or its trust policy changed")
                    .reference("CIS CloudWatch.4; original seed list"),
            cloudTrail("iam-principal-change", MEDIUM, "iam").usEast1Only()
                    .names("CreateUser", "DeleteUser", "CreateGroup", "DeleteGroup",
                            "AddUserToGroup", "RemoveUserFromGroup")
                    .title("IAM user or group created, deleted or membership changed")
                    .reference("original seed list; CIS 1.15"),
            cloudTrail("iam-access-key", HIGH, "iam").usEast1Only()
                    .names("CreateAccessKey", "UpdateAccessKey", "DeleteAccessKey")
                    .title("IAM access key created, changed or deleted")
                    .reference("original seed list; Stratus aws.persistence.iam-create-admin-user"),
            cloudTrail("iam-login-profile", MEDIUM, "iam").usEast1Only()
                    .names("ChangePassword", "CreateLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile")
                    .title("IAM console password changed")
                    .reference("original seed list; CIS CloudWatch.4"),
            cloudTrail("iam-mfa-change", MEDIUM, "iam").usEast1Only()
                    .names("CreateVirtualMFADevice", "DeleteVirtualMFADevice", "EnableMFADevice",
                            "DeactivateMFADevice", "ResyncMFADevice")
                    .title("IAM MFA device changed")
                    .reference("CIS 1.10; research note: MFA removal precedes account takeover"),
            cloudTrail("iam-identity-provider", HIGH, "iam").usEast1Only()
                    .names("CreateSAMLProvider", "UpdateSAMLProvider", "DeleteSAMLProvider",
                            "CreateOpenIDConnectProvider", "DeleteOpenIDConnectProvider",
                            "UpdateOpenIDConnectProviderThumbprint", "AddClientIDToOpenIDConnectProvider",
                            "RemoveClientIDFromOpenIDConnectProvider")
                    .title("IAM SAML or OIDC identity provider changed")
                    .reference("CIS CloudWatch.4; research note: rogue IdP persistence"),
            cloudTrail("iam-account-password-policy", MEDIUM, "iam").usEast1Only()
                    .names("UpdateAccountPasswordPolicy", "DeleteAccountPasswordPolicy")
                    .title("IAM account password policy changed")
                    .reference("CIS 1.8"),
            cloudTrail("sts-federation-token", MEDIUM, "sts").usEast1Only()
                    .names("GetFederationToken").includingReadOnlyCalls()
                    .title("Federation token issued to an IAM user")
                    .reference("Stratus aws.persistence.sts-federation-token; GetFederationToken mints"
                            + " credentials despite its Get prefix"));

    private IamEntries() {
    }
}
