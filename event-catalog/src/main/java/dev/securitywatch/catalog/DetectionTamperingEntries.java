package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.DETECTION_TAMPERING;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** Tampering with detection: GuardDuty and Security Hub. */
final class DetectionTamperingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(DETECTION_TAMPERING,
            cloudTrail("guardduty-tampering", HIGH, "guardduty")
                    .names("DeleteDetector", "UpdateDetector", "DisassociateFromAdministratorAccount",
                            "DisassociateFromMasterAccount", "DisassociateMembers", "DeleteMembers",
                            "StopMonitoringMembers", "DeletePublishingDestination",
                            "UpdatePublishingDestination", "CreateFilter", "UpdateFilter", "CreateIPSet",
                            "UpdateIPSet", "UpdateMalwareScanSettings")
                    .title("GuardDuty detector, membership or suppression changed")
                    .reference("Stratus aws.defense-evasion.guardduty-*; trusted IP lists and filters"
                            + " silence findings"),
            cloudTrail("securityhub-tampering", HIGH, "securityhub")
                    .names("DisableSecurityHub", "DisassociateFromAdministratorAccount",
                            "DisassociateFromMasterAccount", "DisassociateMembers", "DeleteMembers",
                            "BatchDisableStandards", "UpdateStandardsControl")
                    .title("Security Hub disabled, membership or standards changed")
                    .reference("research note: leaving the administrator hides posture"),
            cloudTrail("securityhub-finding-evasion", MEDIUM, "securityhub")
                    .names("UpdateFindings", "DeleteInsight", "BatchUpdateFindings").succeeded()
                    .where("requestParameters", Map.of("Workflow", Map.of("Status", List.of("SUPPRESSED"))))
                    .title("Security Hub findings suppressed").resourceKind("Security Hub finding")
                    .reference("Panther aws_securityhub_finding_evasion (suppressing, not every triage)"),
            cloudTrail("securityhub-findings-rewritten", MEDIUM, "securityhub")
                    .names("UpdateFindings", "DeleteInsight", "UpdateInsight").succeeded()
                    .title("Security Hub findings updated or insight changed").resourceKind("Security Hub finding")
                    .reference("Panther aws_securityhub_finding_evasion; Sigma aws_securityhub_finding_evasion (an"
                            + " insight's filters decide which findings it shows)"));

    private DetectionTamperingEntries() {
    }
}
