package dev.securitywatch.remediation.policy;

import java.util.regex.Pattern;

/**
 * The one form of a security-group id that a setting may name: {@code sg-} and 8 or 17 lowercase hex digits, the
 * only forms EC2 issues. Exempt ids, allow-list sources and the plan CLI's {@code --exempt} are all checked here;
 * {@code SG-...}, upper-case hex, other lengths and ids with spaces around them are refused rather than never
 * matching a group.
 */
public final class SecurityGroupId {
    public static final Pattern PATTERN = Pattern.compile("sg-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    /** The expected form, for messages of the shape {@code key: expected <EXPECTED>, got <value>}. */
    public static final String EXPECTED = "a security group id such as sg-0123456789abcdef0";
    /** What a message adds after the refused value. */
    public static final String FORM = "a security group id is sg- and 8 or 17 lowercase hex digits";

    private SecurityGroupId() {
    }

    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }
}
