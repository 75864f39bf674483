package dev.securitywatch.hubcheck.membership;

import java.util.Locale;
import java.util.Objects;

/**
 * A Security Hub {@code MemberStatus} exactly as the API spelled it. The field is a free string whose spelling drifted
 * ({@code ENABLED}, {@code Enabled}, {@code ACCOUNT_SUSPENDED}, {@code AccountSuspended}, and the older
 * {@code ASSOCIATED} for what is now {@code Enabled}), so statuses are compared by {@link #canonical()} and shown by
 * {@link #spelling()}.
 */
public record MemberStatus(String spelling) {

    public static final MemberStatus ENABLED = new MemberStatus("Enabled");
    public static final MemberStatus RESIGNED = new MemberStatus("Resigned");

    public MemberStatus {
        Objects.requireNonNull(spelling, "spelling");
        if (spelling.isBlank()) {
            throw new IllegalArgumentException("a member status cannot be blank");
        }
    }

    /** Upper case without separators, with the retired {@code ASSOCIATED} folded into {@code ENABLED}. */
    public String canonical() {
        String folded = spelling.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
        return folded.equals("ASSOCIATED") ? "ENABLED" : folded;
    }

    public boolean sameAs(MemberStatus other) {
        return other != null && canonical().equals(other.canonical());
    }

    public boolean isEnabled() {
        return sameAs(ENABLED);
    }

    public boolean isResigned() {
        return sameAs(RESIGNED);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
