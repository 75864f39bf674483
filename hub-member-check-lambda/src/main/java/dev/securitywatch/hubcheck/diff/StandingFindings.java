package dev.securitywatch.hubcheck.diff;

import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current state that needs attention on every run, not only when it changes.
 *
 * @param resigned            members that left the administrator themselves
 * @param notMembers          ACTIVE organization accounts missing from a region's member list: never enrolled, so
 *                            Security Hub's auto-enable did not cover them
 * @param outsideOrg          members that are not accounts of the organization
 * @param suspendedButEnabled members Enabled in Security Hub whose account is SUSPENDED, PENDING_CLOSURE or CLOSED
 * @param organizationRead    whether the organization checks ran at all
 */
public record StandingFindings(List<AccountFinding> resigned, List<AccountFinding> notMembers,
                               List<AccountFinding> outsideOrg, List<AccountFinding> suspendedButEnabled,
                               boolean organizationRead) {

    public StandingFindings {
        resigned = List.copyOf(resigned);
        notMembers = List.copyOf(notMembers);
        outsideOrg = List.copyOf(outsideOrg);
        suspendedButEnabled = List.copyOf(suspendedButEnabled);
    }

    /**
     * @param administrators accounts that are never members of themselves (the Security Hub administrator), so they
     *                       are not reported as unenrolled
     */
    public static StandingFindings of(MembershipSnapshot snapshot, Set<String> administrators) {
        List<AccountFinding> resigned = new ArrayList<>();
        List<AccountFinding> notMembers = new ArrayList<>();
        List<AccountFinding> outsideOrg = new ArrayList<>();
        List<AccountFinding> suspended = new ArrayList<>();
        Map<String, OrgAccount> organization = snapshot.organizationById();
        boolean organizationRead = snapshot.organization().isPresent();
        snapshot.regions().forEach((region, members) -> {
            for (Member member : members) {
                OrgAccount account = organization.get(member.accountId());
                AccountFinding finding = new AccountFinding(region, member.accountId(), member.status(),
                        account == null ? null : account.state());
                if (member.status().isResigned()) {
                    resigned.add(finding);
                }
                if (organizationRead && account == null) {
                    outsideOrg.add(finding);
                }
                if (account != null && member.status().isEnabled() && account.isSuspendedOrClosed()) {
                    suspended.add(finding);
                }
            }
            Set<String> memberIds = members.stream().map(Member::accountId).collect(Collectors.toSet());
            organization.values().stream()
                    .filter(OrgAccount::isActive)
                    .filter(account -> !memberIds.contains(account.accountId()))
                    .filter(account -> !administrators.contains(account.accountId()))
                    .forEach(account -> notMembers.add(
                            new AccountFinding(region, account.accountId(), null, account.state())));
        });
        return new StandingFindings(resigned, notMembers, outsideOrg, suspended, organizationRead);
    }
}
