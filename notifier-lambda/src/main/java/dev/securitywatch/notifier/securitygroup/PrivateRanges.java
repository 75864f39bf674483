package dev.securitywatch.notifier.securitygroup;

/** The IPv4 ranges RFC 1918 keeps off the internet: 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16. */
final class PrivateRanges {
    private PrivateRanges() {
    }

    /** Whether every address of the CIDR block lies inside one private range; a malformed block is not private. */
    static boolean isPrivate4(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            return false;
        }
        try {
            int prefix = Integer.parseInt(parts[1]);
            int first = Integer.parseInt(octets[0]);
            int second = Integer.parseInt(octets[1]);
            return first == 10 && prefix >= 8
                    || first == 172 && second >= 16 && second <= 31 && prefix >= 12
                    || first == 192 && second == 168 && prefix >= 16;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
