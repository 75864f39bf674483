package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.THREAT_FINDING;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** GuardDuty findings. */
final class ThreatFindingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(THREAT_FINDING,
            event("guardduty-finding", HIGH, "aws.guardduty", "GuardDuty Finding")
                    .title("GuardDuty finding")
                    .reference("GuardDuty EventBridge integration"));

    private ThreatFindingEntries() {
    }
}
