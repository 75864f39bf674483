package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.POSTURE_FINDING;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** Security Hub findings, in both formats. */
final class PostureFindingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(POSTURE_FINDING,
            event("securityhub-finding-asff", HIGH, "aws.securityhub", "Security Hub Findings - Imported")
                    .where("findings", Map.of(
                            "Severity", Map.of("Label", List.of("CRITICAL", "HIGH")),
                            "RecordState", List.of("ACTIVE"),
                            "Workflow", Map.of("Status", List.of("NEW"))))
                    .optIn()
                    .title("Security Hub finding (ASFF, new, high or critical)")
                    .reference("Security Hub CSPM EventBridge integration"),
            event("securityhub-finding-ocsf", HIGH, "aws.securityhub", "Findings Imported V2")
                    .where("findings", Map.of("severity", List.of("Critical", "High", "Fatal")))
                    .optIn()
                    .title("Security Hub finding (OCSF, high or critical)")
                    .reference("Security Hub EventBridge integration (Findings Imported V2)"));

    private PostureFindingEntries() {
    }
}
