package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.PIPELINE_TAMPERING;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** Tampering with this pipeline: its rules, log subscriptions and functions. */
final class PipelineTamperingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(PIPELINE_TAMPERING,
            cloudTrail("eventbridge-tampering", HIGH, "events")
                    .names("DeleteRule", "DisableRule", "RemoveTargets", "PutTargets", "PutPermission",
                            "RemovePermission", "DeleteEventBus")
                    .title("EventBridge rule, target or bus permission changed")
                    .reference("research note: the forwarding rules are this pipeline"),
            cloudTrail("logs-tampering", MEDIUM, "logs")
                    .names("DeleteLogGroup", "DeleteSubscriptionFilter", "PutSubscriptionFilter")
                    .title("CloudWatch Logs group or subscription changed")
                    .reference("research note: the audit path runs through a log subscription"),
            cloudTrail("lambda-tampering", MEDIUM, "lambda")
                    .namePrefixes("UpdateFunctionCode", "UpdateFunctionConfiguration", "DeleteFunction",
                            "AddPermission", "CreateFunctionUrlConfig", "UpdateFunctionUrlConfig")
                    .title("Lambda function code, configuration or permission changed")
                    .reference("research note: Lambda event names carry API-version suffixes, hence prefixes"));

    private PipelineTamperingEntries() {
    }
}
