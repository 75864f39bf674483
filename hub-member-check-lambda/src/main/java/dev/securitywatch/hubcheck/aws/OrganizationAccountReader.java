package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.OrganizationAccounts;
import dev.securitywatch.hubcheck.membership.AccountIds;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * {@code ListAccounts} across every page. The account's {@code State} is used; the retiring {@code Status} only when
 * an endpoint does not return {@code State} yet.
 */
public final class OrganizationAccountReader implements OrganizationAccounts {
    private final OrganizationsClient client;

    public OrganizationAccountReader(OrganizationsClient client) {
        this.client = client;
    }

    @Override
    public List<OrgAccount> listAccounts() {
        List<OrgAccount> accounts = new ArrayList<>();
        try {
            client.listAccountsPaginator(request -> { }).stream()
                    .flatMap(page -> page.accounts().stream())
                    .forEach(account -> accounts.add(toOrgAccount(account)));
        } catch (SdkException e) {
            throw AwsErrors.failure("Organizations ListAccounts", e);
        }
        return accounts;
    }

    private static OrgAccount toOrgAccount(Account account) {
        if (!AccountIds.isValid(account.id())) {
            throw new DependencyFailure("Organizations ListAccounts returned an account without a valid id", null);
        }
        return new OrgAccount(account.id(), account.name(), state(account));
    }

    private static String state(Account account) {
        if (account.stateAsString() != null) {
            return account.stateAsString();
        }
        return account.statusAsString() != null ? account.statusAsString() : "UNKNOWN";
    }
}
