package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.THREAT_FINDING;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.event;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** GuardDuty findings, and the signals AWS computes from CloudTrail (Insights). */
final class ThreatFindingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(THREAT_FINDING,
            event("guardduty-finding", HIGH, "aws.guardduty", "GuardDuty Finding")
                    .title("GuardDuty finding")
                    .reference("GuardDuty EventBridge integration"),
            // GuardDuty Extended Threat Detection: one finding that ties many signals into an attack.
            event("guardduty-attack-sequence", CRITICAL, "aws.guardduty", "GuardDuty Finding")
                    .where("type", List.of(Map.of("prefix", "AttackSequence:")))
                    .title("GuardDuty attack sequence")
                    .reference("GuardDuty Extended Threat Detection; Panther aws_guardduty_critical_sev_findings"),
            event("cloudtrail-insight", MEDIUM, "aws.cloudtrail", "AWS Insight via CloudTrail")
                    .title("CloudTrail Insights: unusual API call rate or error rate")
                    .reference("CloudTrail Insights events on EventBridge"));

    private ThreatFindingEntries() {
    }
}
