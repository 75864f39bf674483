package dev.securitywatch.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every renderer shows the account, region and time of the envelope, not those the payload claims (DESIGN.md: trust
 * the envelope, not the payload). Each event below names the security account and us-east-1 in its envelope, and
 * the prod account and eu-west-3 in its payload.
 */
class TrustTheEnvelopeTest {
    private static final ObjectMapper MAPPER = Rendering.MAPPER;
    private static final String ENVELOPE_ACCOUNT = "111111111111";
    private static final String CLAIMED_ACCOUNT = "112233445566";
    private static final String ENVELOPE_REGION = "us-east-1";
    private static final String CLAIMED_REGION = "eu-west-3";

    @Test
    void cloudTrailRendererShowsTheEnvelopesAccountRegionAndTime() {
        ObjectNode detail = MAPPER.createObjectNode().put("eventSource", "ec2.amazonaws.com")
                .put("eventName", "AuthorizeSecurityGroupIngress").put("eventID", "e-1")
                .put("recipientAccountId", CLAIMED_ACCOUNT).put("awsRegion", CLAIMED_REGION)
                .put("eventTime", "2026-11-19T23:59:00Z").put("sourceIPAddress", "203.0.113.7");
        detail.putObject("userIdentity").put("type", "IAMUser").put("userName", "alice")
                .put("accountId", ENVELOPE_ACCOUNT);
        detail.putObject("requestParameters").put("groupId", "sg-0abc");

        Alert alert = render(envelope("aws.ec2", "AWS API Call via CloudTrail", detail));

        assertShowsTheEnvelope(alert);
        assertThat(field(alert, "Event time")).isEqualTo("2026-11-20 02:00:00 UTC");
    }

    @Test
    void remediationRendererShowsTheEnvelopesAccountAndRegion() {
        ObjectNode detail = MAPPER.createObjectNode().put("account", CLAIMED_ACCOUNT).put("region", CLAIMED_REGION)
                .put("groupId", "sg-0abc").put("mode", "ENFORCE").put("compliance", "COMPLIANT");

        assertShowsTheEnvelope(render(envelope(EventEnvelope.REMEDIATION_SOURCE, "Security Group Remediation",
                detail)));
    }

    /** A "remediated in prod" result sent from another account: shown as arrived, and flagged first thing. */
    @Test
    void anEventThatClaimsAnotherAccountIsFlaggedAsAPossibleForgery() {
        ObjectNode detail = MAPPER.createObjectNode().put("account", CLAIMED_ACCOUNT).put("region", CLAIMED_REGION)
                .put("groupId", "sg-0abc").put("mode", "ENFORCE").put("compliance", "NON_COMPLIANT");

        Alert alert = render(envelope(EventEnvelope.REMEDIATION_SOURCE, "Security Group Remediation", detail));

        assertThat(alert.sections().get(0).heading()).isEqualTo("⚠ The event contradicts where it came from");
        assertThat(alert.sections().get(0).lines().get(0)).contains("names another account and region", "forged");
    }

    @Test
    void anEventThatAgreesWithItsEnvelopeCarriesNoFlag() {
        ObjectNode detail = MAPPER.createObjectNode().put("account", ENVELOPE_ACCOUNT).put("region", ENVELOPE_REGION)
                .put("groupId", "sg-0abc").put("mode", "ENFORCE").put("compliance", "COMPLIANT");

        ObjectNode json = MAPPER.createObjectNode().put("version", "0").put("id", "event-2")
                .put("detail-type", "Security Group Remediation").put("source", EventEnvelope.REMEDIATION_SOURCE)
                .put("account", ENVELOPE_ACCOUNT).put("time", "2026-11-20T02:00:00Z").put("region", ENVELOPE_REGION);
        json.set("detail", detail);

        Alert alert = render((EventEnvelope) Rendering.PARSER.parse(json).get(0));

        assertThat(alert.sections()).noneSatisfy(section -> assertThat(section.heading()).contains("contradicts"));
    }

    @Test
    void guardDutyRendererShowsTheAccountAndRegionTheFindingIsAbout() {
        ObjectNode detail = MAPPER.createObjectNode().put("id", "finding-1").put("accountId", CLAIMED_ACCOUNT)
                .put("region", CLAIMED_REGION).put("type", "Recon:EC2/PortProbeUnprotectedPort").put("severity", 2);

        assertShowsTheFindingsSubject(render(envelope("aws.guardduty", "GuardDuty Finding", detail)));
    }

    @Test
    void securityHubRendererShowsTheAccountAndRegionTheFindingIsAboutForAsffAndOcsf() {
        ObjectNode asff = MAPPER.createObjectNode();
        asff.putArray("findings").addObject().put("Id", "finding-1").put("AwsAccountId", CLAIMED_ACCOUNT)
                .put("Region", CLAIMED_REGION).put("Title", "S3 bucket is public").putObject("Severity")
                .put("Label", "HIGH");
        ObjectNode ocsf = MAPPER.createObjectNode();
        ObjectNode finding = ocsf.putArray("findings").addObject().put("severity", "High");
        finding.putObject("finding_info").put("uid", "finding-2").put("title", "S3 bucket is public");
        finding.putObject("cloud").put("region", CLAIMED_REGION).putObject("account").put("uid", CLAIMED_ACCOUNT);

        assertShowsTheFindingsSubject(render(envelope("aws.securityhub", "Security Hub Findings - Imported", asff)));
        assertShowsTheFindingsSubject(render(envelope("aws.securityhub", "Findings Imported V2", ocsf)));
    }

    @Test
    void fallbackShowsTheEnvelopesAccountRegionAndTime() {
        ObjectNode detail = MAPPER.createObjectNode().put("accountId", CLAIMED_ACCOUNT).put("region", CLAIMED_REGION);

        Alert alert = render(envelope("aws.guardduty", "GuardDuty Runtime Protection Unhealthy", detail));

        assertThat(alert.kind()).isEqualTo(Alert.Kind.FALLBACK);
        assertShowsTheEnvelope(alert);
        assertThat(field(alert, "Time")).isEqualTo("2026-11-20 02:00:00 UTC");
    }

    private static EventEnvelope envelope(String source, String detailType, ObjectNode detail) {
        ObjectNode json = MAPPER.createObjectNode().put("version", "0").put("id", "event-1")
                .put("detail-type", detailType).put("source", source).put("account", ENVELOPE_ACCOUNT)
                .put("time", "2026-11-20T02:00:00Z").put("region", ENVELOPE_REGION);
        json.putArray("resources");
        json.set("detail", detail);
        List<InboundMessage> messages = Rendering.PARSER.parse(json);
        assertThat(messages).singleElement().isInstanceOf(EventEnvelope.class);
        EventEnvelope envelope = (EventEnvelope) messages.get(0);
        assertThat(envelope.origin().agrees()).as("the payload claims another account").isFalse();
        return envelope;
    }

    private static Alert render(EventEnvelope envelope) {
        return Rendering.RENDERER.render(envelope).alert();
    }

    private static void assertShowsTheEnvelope(Alert alert) {
        assertThat(alert.accountId()).isEqualTo(ENVELOPE_ACCOUNT);
        assertThat(alert.region()).isEqualTo(ENVELOPE_REGION);
        assertThat(field(alert, "Account")).isEqualTo("security (" + ENVELOPE_ACCOUNT + ")");
        assertThat(field(alert, "Region")).isEqualTo(ENVELOPE_REGION);
        String json = Rendering.LAYOUT.layout(alert).json();
        PayloadChecks.assertValid(json);
        if (alert.kind() != Alert.Kind.FALLBACK) {
            // The fallback quotes the raw event; every other message shows the claims nowhere.
            assertThat(json).doesNotContain(CLAIMED_ACCOUNT, CLAIMED_REGION);
        }
    }

    /**
     * A finding names the account and region of the resource it is about; a delegated administrator delivers members'
     * findings in its own envelope, so the finding's subject is shown (the origin records the difference).
     */
    private static void assertShowsTheFindingsSubject(Alert alert) {
        assertThat(alert.accountId()).isEqualTo(CLAIMED_ACCOUNT);
        assertThat(alert.region()).isEqualTo(CLAIMED_REGION);
        assertThat(field(alert, "Region")).isEqualTo(CLAIMED_REGION);
        PayloadChecks.assertValid(Rendering.LAYOUT.layout(alert).json());
    }

    private static String field(Alert alert, String label) {
        return alert.fields().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }
}
