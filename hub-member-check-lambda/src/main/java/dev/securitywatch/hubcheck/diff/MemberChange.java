package dev.securitywatch.hubcheck.diff;

import dev.securitywatch.hubcheck.membership.MemberStatus;

/**
 * One account whose membership differs between two snapshots of a region.
 *
 * @param from the earlier status, {@code null} for an account that is new in the region
 * @param to   the current status, {@code null} for an account that disappeared from the region
 */
public record MemberChange(String region, String accountId, MemberStatus from, MemberStatus to) {

    public enum Kind { TRANSITION, NEW_MEMBER, DISAPPEARED }

    public MemberChange {
        if (from == null && to == null) {
            throw new IllegalArgumentException("a change needs a status on at least one side");
        }
    }

    public Kind kind() {
        if (from == null) {
            return Kind.NEW_MEMBER;
        }
        return to == null ? Kind.DISAPPEARED : Kind.TRANSITION;
    }
}
