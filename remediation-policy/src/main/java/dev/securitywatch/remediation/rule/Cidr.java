package dev.securitywatch.remediation.rule;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 network in canonical form: host bits cleared, IPv6 written as RFC 5952 text. Canonical text
 * makes "10.0.0.1/8" and "10.0.0.0/8", or "2001:DB8:0::/32" and "2001:db8::/32", the same rule.
 */
record Cidr(boolean ipv6, BigInteger network, int prefix) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a CIDR (missing /prefix)");
        }
        String address = text.substring(0, slash);
        int prefix = parsePrefix(text, text.substring(slash + 1));
        boolean ipv6 = address.contains(":");
        byte[] bytes = ipv6 ? ipv6Bytes(text, address) : ipv4Bytes(text, address);
        int bits = bytes.length * 8;
        if (prefix > bits) {
            throw new IllegalArgumentException("\"" + text + "\" has a prefix longer than " + bits);
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return new Cidr(ipv6, new BigInteger(1, bytes).andNot(hostMask), prefix);
    }

    boolean contains(Cidr other) {
        if (ipv6 != other.ipv6 || other.prefix < prefix) {
            return false;
        }
        int hostBits = (ipv6 ? 128 : 32) - prefix;
        return other.network.shiftRight(hostBits).equals(network.shiftRight(hostBits));
    }

    @Override
    public String toString() {
        return (ipv6 ? ipv6Text() : ipv4Text()) + "/" + prefix;
    }

    private String ipv4Text() {
        long value = network.longValue();
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run (of two or more) of zero groups as "::". */
    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = network.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static int parsePrefix(String text, String prefix) {
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("\"" + text + "\" has an invalid prefix length");
        }
        return Integer.parseInt(prefix);
    }

    private static byte[] ipv4Bytes(String text, String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 CIDR");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) octet(text, parts[i]);
        }
        return bytes;
    }

    private static int octet(String text, String part) {
        if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 CIDR");
        }
        int value = Integer.parseInt(part);
        if (value > 255) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 CIDR");
        }
        return value;
    }

    private static byte[] ipv6Bytes(String text, String address) {
        int doubleColon = address.indexOf("::");
        if (doubleColon != address.lastIndexOf("::")) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 CIDR");
        }
        String[] head = groupsOf(text, doubleColon < 0 ? address : address.substring(0, doubleColon));
        String[] tail = doubleColon < 0 ? new String[0] : groupsOf(text, address.substring(doubleColon + 2));
        if (doubleColon < 0 ? head.length != 8 : head.length + tail.length > 7) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 CIDR");
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = hexGroup(text, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = hexGroup(text, tail[i]);
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        return bytes;
    }

    private static String[] groupsOf(String text, String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static int hexGroup(String text, String group) {
        if (group.isEmpty() || group.length() > 4
                || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 CIDR");
        }
        return Integer.parseInt(group, 16);
    }

}
