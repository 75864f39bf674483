package dev.securitywatch.indexer.document;

import java.util.regex.Pattern;

/**
 * Recognises IP literals without any name lookup. CloudTrail's {@code sourceIPAddress} is often a service name
 * ({@code ec2.amazonaws.com}) or {@code AWS Internal}, which an {@code ip} field rejects.
 */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpAddresses() {
    }

    public static boolean isIpLiteral(String value) {
        return value != null && (IPV4.matcher(value).matches() || isIpv6(value));
    }

    private static boolean isIpv6(String value) {
        if (!value.contains(":") || value.length() > 45) {
            return false;
        }
        String address = value;
        int lastColon = address.lastIndexOf(':');
        if (address.indexOf('.', lastColon) > 0) {
            // An embedded IPv4 tail (::ffff:1.2.3.4) stands for the last two groups.
            if (!IPV4.matcher(address.substring(lastColon + 1)).matches()) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        int compression = address.indexOf("::");
        if (compression < 0) {
            return groups(address) == 8;
        }
        if (compression != address.lastIndexOf("::")) {
            return false;
        }
        int head = groups(address.substring(0, compression));
        int tail = groups(address.substring(compression + 2));
        return head >= 0 && tail >= 0 && head + tail <= 7;
    }

    /** The number of hex groups in a colon-separated run, or -1 when one is not a hex group. */
    private static int groups(String run) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] groups = run.split(":", -1);
        for (String group : groups) {
            if (!HEX_GROUP.matcher(group).matches()) {
                return -1;
            }
        }
        return groups.length;
    }
}
