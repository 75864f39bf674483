package dev.securitywatch.remediation.rule;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One canonical ingress rule: (protocol, fromPort, toPort, source). Protocol names replace numbers for tcp, udp,
 * icmp and icmpv6 ({@code 6} becomes {@code tcp}); {@code -1} (all traffic) and other numbered protocols carry ports
 * -1/-1, because AWS ignores ports for them. For icmp the ports are type and code, -1 meaning any. Descriptions are
 * not part of a rule, so two rules differing only in description are the same rule.
 */
public record SgRule(String protocol, int fromPort, int toPort, RuleSource source) implements Comparable<SgRule> {
    public static final String ALL = "-1";
    private static final Comparator<SgRule> ORDER = Comparator.comparing(SgRule::protocol)
            .thenComparingInt(SgRule::fromPort).thenComparingInt(SgRule::toPort).thenComparing(SgRule::source);

    public SgRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
    }

    /** Normalises a rule as AWS or a user writes it; throws IllegalArgumentException naming what is wrong. */
    public static SgRule of(String rawProtocol, Integer fromPort, Integer toPort, RuleSource source) {
        String protocol = canonicalProtocol(rawProtocol);
        return switch (protocol) {
            case "tcp", "udp" -> {
                int from = fromPort == null ? 0 : fromPort;
                int to = toPort == null ? 65535 : toPort;
                if (from < 0 || to > 65535 || from > to) {
                    throw new IllegalArgumentException("port range " + from + "-" + to + " is not within 0-65535");
                }
                yield new SgRule(protocol, from, to, source);
            }
            case "icmp", "icmpv6" -> new SgRule(protocol, icmpField(fromPort), icmpField(toPort), source);
            default -> new SgRule(protocol, -1, -1, source);
        };
    }

    public static String canonicalProtocol(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("protocol is missing");
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "-1", "all":
                return ALL;
            case "tcp", "6":
                return "tcp";
            case "udp", "17":
                return "udp";
            case "icmp", "1":
                return "icmp";
            case "icmpv6", "58":
                return "icmpv6";
            default:
                break;
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 3 && Integer.parseInt(value) <= 255) {
            return String.valueOf(Integer.parseInt(value));
        }
        throw new IllegalArgumentException("protocol \"" + raw + "\" is not tcp, udp, icmp, icmpv6, -1 or 0-255");
    }

    private static int icmpField(Integer value) {
        if (value == null || value == -1) {
            return -1;
        }
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("icmp type/code " + value + " is not within -1..255");
        }
        return value;
    }

    /** True when this rule admits every packet {@code other} admits; {@code -1} covers every protocol. */
    public boolean covers(SgRule other) {
        if (!source.covers(other.source)) {
            return false;
        }
        if (protocol.equals(ALL)) {
            return true;
        }
        if (!protocol.equals(other.protocol)) {
            return false;
        }
        return switch (protocol) {
            case "tcp", "udp" -> fromPort <= other.fromPort && other.toPort <= toPort;
            case "icmp", "icmpv6" -> (fromPort == -1 || fromPort == other.fromPort)
                    && (toPort == -1 || toPort == other.toPort);
            default -> true;
        };
    }

    public boolean hasCidrSource() {
        return source.type().isCidr();
    }

    /** Short human form for annotations and logs, e.g. {@code tcp/22 from 0.0.0.0/0}. */
    public String describe() {
        return traffic() + " from " + source.value();
    }

    /** Up to {@code limit} rules described, then "and N more", so lists stay short in 256-character annotations. */
    public static String describeAll(Collection<SgRule> rules, int limit) {
        String listed = rules.stream().limit(limit).map(SgRule::describe).collect(Collectors.joining(", "));
        return rules.size() > limit ? listed + " and " + (rules.size() - limit) + " more" : listed;
    }

    private String traffic() {
        return switch (protocol) {
            case ALL -> "all traffic";
            case "tcp", "udp" -> protocol + "/" + (fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort);
            case "icmp", "icmpv6" -> protocol + (fromPort == -1 ? "" : "/" + fromPort + (toPort == -1 ? "" : ":" + toPort));
            default -> "protocol " + protocol;
        };
    }

    @Override
    public int compareTo(SgRule other) {
        return ORDER.compare(this, other);
    }
}
