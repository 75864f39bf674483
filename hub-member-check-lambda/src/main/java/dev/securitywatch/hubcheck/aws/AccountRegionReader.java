package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.EnabledRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;

/**
 * Account Management {@code ListRegions} for one account of the organization, across every page: the regions that
 * are enabled by default or opted in. Naming another account needs this account to be the management account or the
 * delegated administrator for Account Management; the caller's own account is read without {@code AccountId}, which
 * the API refuses for the management account's own id.
 */
public final class AccountRegionReader implements EnabledRegions {
    private static final List<RegionOptStatus> ENABLED = List.of(RegionOptStatus.ENABLED,
            RegionOptStatus.ENABLED_BY_DEFAULT);

    private final AccountClient client;
    private final Optional<String> callerAccount;

    /** @param callerAccount the account this runs in, when known */
    public AccountRegionReader(AccountClient client, Optional<String> callerAccount) {
        this.client = client;
        this.callerAccount = callerAccount;
    }

    @Override
    public List<String> enabledRegions(String accountId) {
        List<String> regions = new ArrayList<>();
        try {
            client.listRegionsPaginator(request -> request.regionOptStatusContains(ENABLED)
                            .accountId(callerAccount.filter(accountId::equals).isPresent() ? null : accountId))
                    .stream()
                    .flatMap(page -> page.regions().stream())
                    .map(Region::regionName)
                    .forEach(regions::add);
        } catch (SdkException e) {
            throw AwsErrors.failure("Account ListRegions for " + accountId, e);
        }
        return regions;
    }
}
