package dev.securitywatch.catalog.entries;

import static dev.securitywatch.catalog.Category.THREAT_FINDING;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.entries.EntryBuilder.event;
import static dev.securitywatch.catalog.entries.EntryBuilder.inCategory;

import dev.securitywatch.catalog.CatalogEntry;
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
