package dev.securitywatch.hubcheck.membership;

import java.util.regex.Pattern;

/** AWS region names ({@code us-east-1}, {@code us-gov-west-1}, {@code eusc-de-east-1}); nothing else is a region. */
public final class RegionNames {
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

    private RegionNames() {
    }

    public static boolean isValid(String region) {
        return region != null && REGION.matcher(region).matches();
    }
}
