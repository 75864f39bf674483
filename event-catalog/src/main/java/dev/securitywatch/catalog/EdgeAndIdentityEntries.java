package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.EDGE_AND_IDENTITY;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;
import java.util.Map;

/** WAF protection removed, Identity Center access changed, account regions and contacts, federated sign-in tokens. */
final class EdgeAndIdentityEntries {
    private static final String IDENTITY_CENTER_PORTAL = "Jersey/${project.version}";

    static final List<CatalogEntry> ENTRIES = inCategory(EDGE_AND_IDENTITY,
            cloudTrail("waf-protection-removed", HIGH, "wafv2").names("DisassociateWebACL", "DeleteWebACL")
                    .succeeded()
                    .title("WAF web ACL disassociated or deleted").resourceKind("WAF web ACL")
                    .reference("Panther aws_waf_disassociation"),
            cloudTrail("identity-center-access-change", HIGH, "sso")
                    .names("CreatePermissionSet", "UpdatePermissionSet", "DeletePermissionSet",
                            "PutInlinePolicyToPermissionSet", "AttachManagedPolicyToPermissionSet",
                            "AttachCustomerManagedPolicyReferenceToPermissionSet",
                            "PutPermissionsBoundaryToPermissionSet", "CreateAccountAssignment",
                            "DeleteAccountAssignment", "ProvisionPermissionSet").succeeded()
                    .title("IAM Identity Center permission set or account assignment changed")
                    .resourceKind("Identity Center permission set")
                    .reference("research note: a permission set is admin access to every account it is assigned to"),
            cloudTrail("identity-center-source-change", HIGH, "sso-directory")
                    .names("DisableExternalIdPConfigurationForDirectory", "EnableExternalIdPConfigurationForDirectory",
                            "UpdateExternalIdPConfigurationForDirectory").succeeded()
                    .title("IAM Identity Center identity source changed").resourceKind("Identity Center directory")
                    .reference("research note: a new identity source is a new way to be everyone"),
            cloudTrail("identity-center-directory-change", HIGH, "sso")
                    .names("AssociateDirectory", "DisassociateDirectory").succeeded()
                    .title("IAM Identity Center directory associated or disassociated")
                    .resourceKind("Identity Center directory")
                    .reference("Sigma aws_sso_idp_change: the console records the identity source switch to or"
                            + " from a directory under sso.amazonaws.com"),
            cloudTrail("account-region-change", HIGH, "account").names("EnableRegion", "DisableRegion")
                    .succeeded().usEast1Only()
                    .title("AWS Region enabled or disabled").resourceKind("Account region")
                    .reference("Panther aws_cloudtrail_region_enabled (its test event names cloudtrail.amazonaws.com;"
                            + " AWS records account.amazonaws.com)"),
            cloudTrail("account-alternate-contact-change", MEDIUM, "account")
                    .names("PutAlternateContact", "DeleteAlternateContact").succeeded().usEast1Only()
                    .title("Account alternate contact changed").resourceKind("Account contact")
                    .reference("research note: the security contact is who AWS warns"),
            cloudTrail("federated-sign-in-token", MEDIUM, "signin").names("GetSigninToken")
                    .includingReadOnlyCalls().succeeded()
                    // The IAM Identity Center portal asks for a token, with this user agent, each time someone
                    // opens an account from it; both libraries drop it, accepting that a caller could send it too.
                    .where("userAgent", List.of(Map.of("anything-but", Map.of("prefix", IDENTITY_CENTER_PORTAL)),
                            Map.of("exists", false)))
                    .title("Console sign-in token issued for federated credentials").resourceKind("Console session")
                    .reference("Panther aws_console_getsignintoken; Sigma aws_console_getsignintoken"));

    private EdgeAndIdentityEntries() {
    }
}
