package dev.securitywatch.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The names a member region's own resources carry. Per-account stacks and the organization's StackSet name theirs
 * apart (the StackSet's carry {@code org}), so both can run in one account and region while an organization
 * migrates from one to the other; every name still starts with the prefix the central side and the catalog's
 * tampering and health entries recognise ({@code security-watch-forwarding-}, {@code security-watch-canary-},
 * {@code SecurityWatch-Member-}, ...).
 */
public enum MemberNames {
    /** {@code cdk deploy} of one stack per member account and region. */
    STACKS("", ""),
    /** The organization's StackSet ({@code deployment.mode: stackset}). */
    STACKSET("org-", "-org");

    /** The organization StackSet that deploys the members in {@code deployment.mode: stackset}. */
    public static final String STACK_SET_NAME = "SecurityWatch-Member";

    private final String infix;
    private final String suffix;

    MemberNames(String infix, String suffix) {
        this.infix = infix;
        this.suffix = suffix;
    }

    /** The role the forwarding rules put events on the central bus with. */
    public String forwardingRole(String region) {
        return "security-watch-forwarding-" + infix + region;
    }

    /** The forwarding rules on the default bus: this prefix and a number. */
    public String forwardRulePrefix() {
        return "security-watch-forward-" + infix;
    }

    /** The remediation Lambda's role: the only principal whose changes are this project's automation. */
    public String remediationRole(String region) {
        return "security-watch-remediation-" + infix + region;
    }

    /** The Config rule the remediator serves, and no other. */
    public String configRule() {
        return "security-watch-sg-ingress" + suffix;
    }

    /** The canary's role: it writes the heartbeat parameter (and, in us-east-1, tags itself). */
    public String canaryRole(String region) {
        return HealthEntries.CANARY_ROLE_PREFIX + infix + region;
    }

    /** The SSM parameter the canary overwrites with each heartbeat. */
    public String canaryParameter() {
        return "/security-watch/canary" + suffix;
    }

    /** The statement on the default bus that keeps Security Watch's own sources for the remediator. */
    public String ownSourcesStatement() {
        return "security-watch-own-sources" + suffix;
    }

    /** Every member alarm's name starts with this ({@link HealthEntries#MEMBER_ALARM_PREFIX} and more). */
    public String alarmPrefix() {
        return HealthEntries.MEMBER_ALARM_PREFIX + (suffix.isEmpty() ? "" : "Org-");
    }

    /** The canary parameters of both kinds of member: a heartbeat writes one of these. */
    public static List<String> canaryParameters() {
        return Arrays.stream(values()).map(MemberNames::canaryParameter).toList();
    }

    /** The kind of member whose canary writes {@code parameter}, if one does. */
    public static Optional<MemberNames> ofCanaryParameter(String parameter) {
        return Arrays.stream(values()).filter(names -> names.canaryParameter().equals(parameter)).findFirst();
    }

    /** The kind of member whose canary role {@code roleName} is, if it is one. */
    public static Optional<MemberNames> ofCanaryRole(String roleName) {
        if (roleName == null || !roleName.startsWith(HealthEntries.CANARY_ROLE_PREFIX)) {
            return Optional.empty();
        }
        // The StackSet's names carry an infix after the prefix; no region starts with it.
        return Optional.of(roleName.startsWith(STACKSET.canaryRole("")) ? STACKSET : STACKS);
    }

    /** The remediation roles of both kinds of member in {@code region}. */
    public static List<String> remediationRoles(String region) {
        return Arrays.stream(values()).map(names -> names.remediationRole(region)).toList();
    }
}
