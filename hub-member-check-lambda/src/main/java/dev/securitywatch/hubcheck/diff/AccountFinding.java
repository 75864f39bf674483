package dev.securitywatch.hubcheck.diff;

import dev.securitywatch.hubcheck.membership.MemberStatus;

/**
 * An account in a region that needs attention in its current state.
 *
 * @param memberStatus its Security Hub status, {@code null} when it is not a member
 * @param orgState     its Organizations state, {@code null} when it is not in the organization or it was not read
 */
public record AccountFinding(String region, String accountId, MemberStatus memberStatus, String orgState) {
}
