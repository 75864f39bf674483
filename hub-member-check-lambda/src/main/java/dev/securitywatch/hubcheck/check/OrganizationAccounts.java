package dev.securitywatch.hubcheck.check;

import dev.securitywatch.hubcheck.membership.OrgAccount;
import java.util.List;

/** Port: every account of the organization. */
public interface OrganizationAccounts {
    /** @throws DependencyFailure when the organization cannot be read completely */
    List<OrgAccount> listAccounts();
}
