package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.ORGANIZATIONS;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** AWS Organizations: a global service, seen in the management account in us-east-1. */
final class OrganizationsEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(ORGANIZATIONS,
            cloudTrail("organizations-change", HIGH, "organizations").usEast1Only()
                    .names("AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit",
                            "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
                            "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType",
                            "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization",
                            "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy",
                            "UpdateOrganizationalUnit", "DeregisterDelegatedAdministrator",
                            "RegisterDelegatedAdministrator", "DisableAWSServiceAccess")
                    .title("AWS Organizations changed")
                    .reference("CIS 4.15 (CloudWatch.15)"));

    private OrganizationsEntries() {
    }
}
