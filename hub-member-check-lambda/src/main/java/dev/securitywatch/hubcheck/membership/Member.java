package dev.securitywatch.hubcheck.membership;

import java.util.Objects;

/** One row of {@code ListMembers}: an account and its relationship with the Security Hub administrator. */
public record Member(String accountId, MemberStatus status) {
    public Member {
        AccountIds.requireValid(accountId);
        Objects.requireNonNull(status, "status");
    }
}
