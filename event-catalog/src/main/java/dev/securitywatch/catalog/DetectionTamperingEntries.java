package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.DETECTION_TAMPERING;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

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
                    .reference("research note: leaving the administrator hides posture"));

    private DetectionTamperingEntries() {
    }
}
