package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.HEALTH;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.event.EventEnvelope.ALARM_STATE_CHANGE;
import static dev.securitywatch.event.EventEnvelope.CLOUDWATCH_SOURCE;

import java.util.List;
import java.util.Map;

/** The pipeline's own health, from the member accounts: the central stack's alarms notify its health topic directly. */
public final class HealthEntries {
    /** Every alarm of a member stack is named with this prefix, so its state changes reach the security account. */
    public static final String MEMBER_ALARM_PREFIX = "SecurityWatch-Member-";

    static final List<CatalogEntry> ENTRIES = inCategory(HEALTH,
            event("security-watch-member-alarm", HIGH, CLOUDWATCH_SOURCE, ALARM_STATE_CHANGE)
                    .where("alarmName", List.of(Map.of("prefix", MEMBER_ALARM_PREFIX)))
                    .title("Security Watch alarm changed state")
                    .reference("Security Watch: a member region has no health topic; its alarms travel the"
                            + " forwarding path"));

    private HealthEntries() {
    }
}
