package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.LOGGING;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** Logging: CloudTrail and Config. */
final class LoggingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(LOGGING,
            cloudTrail("cloudtrail-stopped", CRITICAL, "cloudtrail")
                    .names("StopLogging", "DeleteTrail")
                    .title("CloudTrail logging stopped or trail deleted")
                    .reference("CIS CloudWatch.5 (4.5); Stratus aws.defense-evasion.cloudtrail-stop"),
            cloudTrail("cloudtrail-change", HIGH, "cloudtrail")
                    .names("CreateTrail", "UpdateTrail", "StartLogging", "PutEventSelectors",
                            "PutInsightSelectors", "DeleteEventDataStore", "UpdateEventDataStore",
                            "StopEventDataStoreIngestion")
                    .title("CloudTrail configuration changed")
                    .reference("CIS CloudWatch.5 (4.5); Stratus aws.defense-evasion.cloudtrail-event-selectors"),
            cloudTrail("config-change", HIGH, "config")
                    .names("StopConfigurationRecorder", "DeleteConfigurationRecorder", "PutConfigurationRecorder",
                            "DeleteDeliveryChannel", "PutDeliveryChannel", "DeleteConfigRule",
                            "DeleteConfigurationAggregator", "PutConfigRule", "DeleteEvaluationResults")
                    .title("AWS Config recording or rules changed")
                    .reference("CIS CloudWatch.9 (4.9); Security Watch: its remediation is a Config rule"));

    private LoggingEntries() {
    }
}
