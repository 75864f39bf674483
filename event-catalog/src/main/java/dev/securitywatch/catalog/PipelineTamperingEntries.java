package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.PIPELINE_TAMPERING;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/**
 * Tampering with this pipeline: its rules, log subscriptions, functions, schedules, tags and stacks. The notifier
 * raises any of these to CRITICAL when the request names one of Security Watch's own resources (see its severity
 * rules); the tag and stack entries match only Security Watch's own and are CRITICAL as they stand.
 */
final class PipelineTamperingEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(PIPELINE_TAMPERING,
            cloudTrail("eventbridge-tampering", HIGH, "events")
                    .names("PutRule", "DeleteRule", "DisableRule", "RemoveTargets", "PutTargets", "PutPermission",
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
                    .reference("research note: Lambda event names carry API-version suffixes, hence prefixes"),
            cloudTrail("lambda-invocation-tampering", HIGH, "lambda")
                    .namePrefixes("PutFunctionConcurrency", "DeleteFunctionConcurrency", "UpdateAlias",
                            "DeleteAlias", "RemovePermission", "PutFunctionEventInvokeConfig")
                    .title("Lambda concurrency, alias, permission or async destination changed")
                    .reference("Security Watch: concurrency 0, a moved alias or a removed permission silences a"
                            + " function without touching its code"),
            cloudTrail("scheduler-tampering", HIGH, "scheduler")
                    .names("UpdateSchedule", "DeleteSchedule")
                    .title("EventBridge Scheduler schedule changed or deleted")
                    .reference("Security Watch: the digest, membership check and canary run on schedules"),
            cloudTrail("security-watch-tag-change", CRITICAL, "ec2")
                    .names("CreateTags", "DeleteTags")
                    .where("requestParameters", Map.of("tagSet", Map.of("items", Map.of("key",
                            List.of(Map.of("prefix", "security-watch:"))))))
                    .title("Security Watch tag added or removed")
                    .reference("Security Watch: its tags mark its own resources and remediation exemptions; adding"
                            + " one is how a group would dodge remediation"),
            cloudTrail("security-watch-stack-change", CRITICAL, "cloudformation")
                    .names("DeleteStack", "UpdateStack")
                    .where("requestParameters", Map.of("stackName", List.of(Map.of("prefix", "SecurityWatch-"),
                            Map.of("wildcard", "arn:*:cloudformation:*:stack/SecurityWatch-*"))))
                    .title("Security Watch stack updated or deleted outside a deployment")
                    .reference("Security Watch: a deploy runs change sets; a direct update or delete does not"),
            cloudTrail("security-watch-stackset-change", HIGH, "cloudformation")
                    .names("UpdateStackSet", "DeleteStackSet", "DeleteStackInstances", "UpdateStackInstances",
                            "StopStackSetOperation")
                    .where("requestParameters", Map.of("stackSetName", List.of(Map.of("prefix", "SecurityWatch-"),
                            Map.of("wildcard", "arn:*:cloudformation:*:stackset/SecurityWatch-*"))))
                    .title("Security Watch StackSet changed")
                    .reference("Security Watch: the organization's member side is one StackSet; removing its"
                            + " instances or changing it outside a deploy silences every account at once"));

    private PipelineTamperingEntries() {
    }
}
