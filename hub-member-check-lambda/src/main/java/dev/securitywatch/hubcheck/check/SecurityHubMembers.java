package dev.securitywatch.hubcheck.check;

import dev.securitywatch.hubcheck.membership.Member;
import java.util.List;

/** Port: every member of the Security Hub administrator in a region, whatever its status. */
public interface SecurityHubMembers {
    /** @throws DependencyFailure when the region cannot be read completely */
    List<Member> listMembers(String region);
}
