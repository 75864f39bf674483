package dev.securitywatch.hubcheck.membership;

import java.util.regex.Pattern;

/** AWS account ids are twelve digits; anything else in a snapshot is corruption, not an account. */
public final class AccountIds {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private AccountIds() {
    }

    public static boolean isValid(String accountId) {
        return accountId != null && ACCOUNT_ID.matcher(accountId).matches();
    }

    public static String requireValid(String accountId) {
        if (!isValid(accountId)) {
            throw new IllegalArgumentException("not a 12-digit AWS account id: " + printable(accountId));
        }
        return accountId;
    }

    /** Quotes and shortens a rejected value so an error message stays one readable line. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replaceAll("[\\s\\p{Cntrl}]+", " ");
        return "'" + (oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine) + "'";
    }
}
