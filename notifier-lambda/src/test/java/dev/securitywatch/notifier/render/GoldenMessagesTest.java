package dev.securitywatch.notifier.render;

import static dev.securitywatch.notifier.support.Rendering.LAYOUT;
import static dev.securitywatch.notifier.support.Rendering.MAPPER;
import static dev.securitywatch.notifier.support.Rendering.RENDERER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.support.Golden;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Representative messages pinned as golden files (see {@link Golden}). */
class GoldenMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sg-ingress-ssh-world,            acceptance:cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json",
            "sg-ingress-denied,               acceptance:cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-UnauthorizedOperation-panther-1.json",
            "sg-modify-rules-rdp-world,       fixture:modify-security-group-rules.json",
            "sg-revoke-by-remediation,        fixture:revoke-by-remediation-role.json",
            "iam-admin-attached-sns,          acceptance:sns/derived/sns-eb-iam-AttachUserPolicy-IAMUser-stratus-1.json",
            "iam-inline-admin-oversized,      fixture:oversized-policy.json",
            "cloudtrail-stop-logging,         acceptance:cloudtrail/cloudtrail-StopLogging-IAMUser-stratus-1.json",
            "cloudtrail-delete-identity-center, fixture:identity-center-delete-trail.json",
            "console-root-sign-in,            acceptance:cloudtrail/signin-ConsoleLogin-Root-awsdocs-1.json",
            "console-sign-in-failure,         acceptance:cloudtrail/signin-ConsoleLogin-IAMUser-awsdocs-5.json",
            "sts-assume-role-cross-account,   acceptance:cloudtrail/sts-AssumeRole-AWSAccount-awsdocs-1.json",
            "injection-attempt,               fixture:injection-attempt.json",
            "guardduty-tor-caller,            acceptance:guardduty/gd-eb-UnauthorizedAccess-IAMUser-TorIPCaller-c7n-1.json",
            "securityhub-asff,                acceptance:securityhub/eb-Security-Hub-Findings---Custom-Action-c7n-1.json",
            "securityhub-ocsf,                fixture:securityhub-ocsf.json",
            "remediation-enforced,            fixture:remediation-result.json",
            "remediation-report-only,         fixture:remediation-report-only.json",
            "fallback-unknown-detail-type,    fixture:unknown-detail-type.json",
            "fallback-sns-text-message,       acceptance:sns/notifyslack-text_message-1.json",
            "health-member-alarm,             fixture:member-alarm-state-change.json",
            "health-recovered-sns,            acceptance:sns/notifyslack-cloudwatch_alarm-1.json",
            "share-snapshot-public,           acceptance:cloudtrail/ec2-ModifySnapshotAttribute-AssumedRole-panther-1.json",
            "share-snapshot-other-account,    acceptance:cloudtrail/ec2-ModifySnapshotAttribute-IAMUser-stratus-1.json",
            "share-snapshot-member-low,       fixture:snapshot-shared-with-member.json",
            "share-snapshot-organization-low, fixture:snapshot-shared-with-organization-account.json",
            "sg-ingress-private-low,          fixture:sg-ingress-private.json",
            "s3-bucket-policy-public,         fixture:bucket-policy-public.json",
            "s3-access-logging-off,           acceptance:cloudtrail/s3-PutBucketLogging-AssumedRole-panther-1.json",
            "rds-activity-stream-stopped,     acceptance:cloudtrail/rds-StopActivityStream-AssumedRole-panther-1.json",
            "ec2-user-data-modified,          acceptance:cloudtrail/ec2-ModifyInstanceAttribute-AssumedRole-panther-1.json",
            "dns-query-logging-deleted,       acceptance:cloudtrail/route53resolver-DeleteResolverQueryLogConfig-AssumedRole-panther-1.json",
            "waf-protection-removed,          acceptance:cloudtrail/wafv2-DisassociateWebACL-AssumedRole-panther-1.json",
            "bedrock-logging-deleted,         acceptance:cloudtrail/bedrock-DeleteModelInvocationLoggingConfiguration-AssumedRole-panther-1.json",
            "guardduty-attack-sequence,       acceptance:guardduty/gd-finding-AttackSequence-IAM-CompromisedCredentials-panther-1.json",
            "guardduty-attack-sequence-timeline, fixture:guardduty-attack-sequence-signals.json"})
    void rendersAsPinned(String name, String source) throws IOException {
        ArrayNode payloads = MAPPER.createArrayNode();
        for (InboundMessage message : Rendering.parse(read(source))) {
            String json = LAYOUT.layout(RENDERER.render(message).alert()).json();
            PayloadChecks.assertValid(json);
            payloads.add(MAPPER.readTree(json));
        }
        String actual = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                payloads.size() == 1 ? payloads.get(0) : payloads) + "\n";
        Golden.assertMatches(name, actual);
    }

    private static String read(String source) throws IOException {
        if (source.startsWith("acceptance:")) {
            return AcceptanceData.text(source.substring("acceptance:".length()));
        }
        return Rendering.fixture(source.substring("fixture:".length()));
    }
}
