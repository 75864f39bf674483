package dev.securitywatch.notifier.securitygroup;

import java.util.Locale;
import java.util.Set;

/**
 * One line of a security-group diff, e.g. {@code + ingress tcp/22 from 0.0.0.0/0 (sg-0abc)}.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (all) or a protocol number
 * @param fromPort null when the call gave none (all ports, or a rule id only)
 * @param peer     the other side: a CIDR, prefix list, security group, or the rule id when that is all we know
 * @param ruleId   the security-group rule id, when the call named one besides the peer (ModifySecurityGroupRules)
 */
public record PermissionChange(Change change, Direction direction, String protocol, Integer fromPort, Integer toPort,
                               Peer peer, String groupId, String ruleId) {

    /** Ports an attacker scans for first: remote admin, databases, caches, search, container APIs. */
    static final Set<Integer> ADMIN_OR_DATABASE_PORTS = Set.of(22, 23, 135, 139, 445, 1433, 1521, 2375, 2376, 2379,
            3306, 3389, 5432, 5601, 5900, 5984, 5985, 5986, 6379, 7001, 8020, 9042, 9200, 9300, 11211, 27017, 27018);

    public enum Change {
        ADD("+"), REMOVE("-"), MODIFY("~"), KEEP("="), VIOLATION("!");

        private final String symbol;

        Change(String symbol) {
            this.symbol = symbol;
        }
    }

    public enum Direction { INGRESS, EGRESS, UNKNOWN }

    public record Peer(PeerType type, String value) {
    }

    public enum PeerType { CIDR4, CIDR6, PREFIX_LIST, SECURITY_GROUP, RULE_ID }

    public String line() {
        StringBuilder line = new StringBuilder(change.symbol).append(' ');
        if (peer.type() == PeerType.RULE_ID) {
            line.append(direction == Direction.UNKNOWN ? "" : direction.name().toLowerCase() + " ")
                    .append("rule ").append(peer.value());
            if (protocol != null) {
                line.append(" → ").append(ports());
            }
        } else {
            if (direction != Direction.UNKNOWN) {
                line.append(direction.name().toLowerCase()).append(' ');
            }
            line.append(ports()).append(direction == Direction.EGRESS ? " to " : " from ").append(peer.value());
            if (ruleId != null) {
                line.append(" [rule ").append(ruleId).append(']');
            }
        }
        if (groupId != null) {
            line.append(" (").append(groupId).append(')');
        }
        return line.toString();
    }

    /** "tcp/22", "tcp/1000-2000", "udp/all ports", "all traffic", "icmp/all", "protocol 50". */
    public String ports() {
        if (protocol == null || isAllProtocols()) {
            return "all traffic";
        }
        String name = switch (protocol) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> protocol;
        };
        if (!name.equals("tcp") && !name.equals("udp") && !name.startsWith("icmp")) {
            return "protocol " + name;
        }
        if (name.startsWith("icmp")) {
            return fromPort == null || fromPort < 0 ? name + "/all" : name + " type " + fromPort;
        }
        if (coversAllPorts()) {
            return name + "/all ports";
        }
        return fromPort.equals(toPort) ? name + "/" + fromPort : name + "/" + fromPort + "-" + toPort;
    }

    private boolean isAllProtocols() {
        return protocol.equals("-1") || protocol.equalsIgnoreCase("all");
    }

    private boolean coversAllPorts() {
        return fromPort == null || toPort == null || fromPort < 0 || (fromPort <= 0 && toPort >= 65535);
    }

    /** From anywhere on the internet: {@code 0.0.0.0/0} or {@code ::/0}. */
    public boolean fromAnywhere() {
        return peer.type() == PeerType.CIDR4 && peer.value().equals("0.0.0.0/0")
                || peer.type() == PeerType.CIDR6 && peer.value().equals("::/0");
    }

    /** Whether the port range includes a remote-admin or database port (all protocols include every port). */
    public boolean reachesAdminOrDatabasePort() {
        if (protocol == null || isAllProtocols()) {
            return true;
        }
        if (protocol.startsWith("icmp") || protocol.equals("1") || protocol.equals("58")) {
            return false;
        }
        if (coversAllPorts()) {
            return true;
        }
        return ADMIN_OR_DATABASE_PORTS.stream().anyMatch(p -> p >= fromPort && p <= toPort);
    }

    /**
     * Inbound access added only from inside private networks: an RFC 1918 or unique-local range, or another security
     * group. What the same call means when it opens a port to the internet, it does not mean here.
     */
    public boolean addsPrivateIngressOnly() {
        return change == Change.ADD && direction == Direction.INGRESS && (peer.type() == PeerType.SECURITY_GROUP
                || peer.type() == PeerType.CIDR4 && PrivateRanges.isPrivate4(peer.value())
                || peer.type() == PeerType.CIDR6 && peer.value().toLowerCase(Locale.ROOT).matches("f[cd].*"));
    }

    /** Opens (or may open) inbound access from the internet. */
    public boolean opensToInternet() {
        return (change == Change.ADD || change == Change.MODIFY || change == Change.VIOLATION)
                && direction != Direction.EGRESS && fromAnywhere();
    }
}
