package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.SecurityHubMembers;
import dev.securitywatch.hubcheck.membership.AccountIds;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * {@code ListMembers(OnlyAssociated=false)} in each region, across every page. {@code OnlyAssociated} defaults to
 * true, which would hide exactly the Invited, Removed and Resigned accounts this check exists to see.
 */
public final class SecurityHubMemberReader implements SecurityHubMembers {
    /** The API's maximum page size: fewer calls for large organizations. */
    private static final int PAGE_SIZE = 50;
    /** Shown when the API leaves the status out, so the account is still counted. */
    private static final String MISSING_STATUS = "Unknown";

    private final Map<String, SecurityHubClient> clientsByRegion;

    public SecurityHubMemberReader(Map<String, SecurityHubClient> clientsByRegion) {
        this.clientsByRegion = Map.copyOf(clientsByRegion);
    }

    @Override
    public List<Member> listMembers(String region) {
        SecurityHubClient client = clientsByRegion.get(region);
        if (client == null) {
            throw new IllegalArgumentException("no Security Hub client for region " + region);
        }
        String action = "Security Hub ListMembers in " + region;
        List<Member> members = new ArrayList<>();
        try {
            client.listMembersPaginator(request -> request.onlyAssociated(false).maxResults(PAGE_SIZE))
                    .members()
                    .forEach(member -> members.add(toMember(member, action)));
        } catch (SdkException e) {
            throw AwsErrors.failure(action, e);
        }
        return members;
    }

    private static Member toMember(software.amazon.awssdk.services.securityhub.model.Member member, String action) {
        if (!AccountIds.isValid(member.accountId())) {
            throw new DependencyFailure(action + " returned a member without a valid account id", null);
        }
        String status = member.memberStatus();
        return new Member(member.accountId(),
                new MemberStatus(status == null || status.isBlank() ? MISSING_STATUS : status));
    }
}
