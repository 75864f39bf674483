package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.REMEDIATION;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.event.EventEnvelope.REMEDIATION_DETAIL_TYPE;
import static dev.securitywatch.event.EventEnvelope.REMEDIATION_SOURCE;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** This project's own remediation results. */
final class RemediationEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(REMEDIATION,
            event("security-group-remediation", MEDIUM, REMEDIATION_SOURCE, REMEDIATION_DETAIL_TYPE)
                    .title("Security group remediated by Security Watch")
                    .reference("Security Watch config-remediation-lambda"));

    private RemediationEntries() {
    }
}
