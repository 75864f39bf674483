package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.HEALTH;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.LOW;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.event.EventEnvelope.ALARM_STATE_CHANGE;
import static dev.securitywatch.event.EventEnvelope.CLOUDWATCH_SOURCE;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's own health, from the member accounts: their alarms (the central stack's alarms notify its health
 * topic directly) and their canaries' heartbeats. A heartbeat is one harmless write by the canary's role that
 * CloudTrail records and the member's rules forward, which proves the trail, the rule, the role and the bus policy of
 * its account and region; the central bus gives heartbeats to the heartbeat tracker, never to alerts or the audit
 * index.
 */
public final class HealthEntries {
    /** Every alarm of a member stack is named with this prefix, so its state changes reach the security account. */
    public static final String MEMBER_ALARM_PREFIX = "SecurityWatch-Member-";
    /** The canary's role in each region: {@code security-watch-canary-<region>} (see {@link MemberNames}). */
    public static final String CANARY_ROLE_PREFIX = "security-watch-canary-";
    public static final String HEARTBEAT = "security-watch-heartbeat";
    public static final String GLOBAL_HEARTBEAT = "security-watch-global-heartbeat";
    /** How late CloudTrail may deliver a heartbeat to EventBridge without its path counting as silent. */
    public static final Duration DELIVERY_ALLOWANCE = Duration.ofMinutes(15);
    private static final Map<String, Object> BY_CANARY_ROLE = Map.of("sessionContext", Map.of("sessionIssuer",
            Map.of("userName", List.of(Map.of("prefix", CANARY_ROLE_PREFIX)))));

    static final List<CatalogEntry> ENTRIES = inCategory(HEALTH,
            event("security-watch-member-alarm", HIGH, CLOUDWATCH_SOURCE, ALARM_STATE_CHANGE)
                    .where("alarmName", List.of(Map.of("prefix", MEMBER_ALARM_PREFIX)))
                    .title("Security Watch alarm changed state")
                    .reference("Security Watch: a member region has no health topic; its alarms travel the"
                            + " forwarding path"),
            cloudTrail(HEARTBEAT, LOW, "ssm")
                    .names("PutParameter")
                    .where("requestParameters", Map.of("name", MemberNames.canaryParameters()))
                    .where("userIdentity", BY_CANARY_ROLE)
                    .title("Security Watch heartbeat")
                    .reference("Security Watch: the canary proves each account and region's path"),
            cloudTrail(GLOBAL_HEARTBEAT, LOW, "iam").usEast1Only()
                    .names("TagRole")
                    .where("requestParameters", Map.of("roleName", List.of(Map.of("prefix", CANARY_ROLE_PREFIX))))
                    .where("userIdentity", BY_CANARY_ROLE)
                    .title("Security Watch heartbeat (global services)")
                    .reference("Security Watch: IAM and the other global services reach EventBridge in us-east-1"));

    /**
     * When a path with canaries every {@code canaryInterval} counts as silent: after two intervals without a
     * heartbeat (one late or lost heartbeat is not an outage, two are), and never sooner than one interval plus
     * {@link #DELIVERY_ALLOWANCE} (CloudTrail sometimes takes a quarter of an hour; measured in bench/health). The
     * notifier's tracker and the coverage check use this one rule.
     */
    public static Duration silentAfter(Duration canaryInterval) {
        if (canaryInterval.isNegative() || canaryInterval.isZero()) {
            throw new IllegalArgumentException("the canary interval must be positive");
        }
        Duration twoIntervals = canaryInterval.multipliedBy(2);
        Duration lateDelivery = canaryInterval.plus(DELIVERY_ALLOWANCE);
        return twoIntervals.compareTo(lateDelivery) >= 0 ? twoIntervals : lateDelivery;
    }

    private HealthEntries() {
    }
}
