package dev.securitywatch.event;

import dev.securitywatch.event.transport.EnvelopeParser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.EventOrigin.Mismatch;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.event.testing.CorpusEvents;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EventOriginTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EnvelopeParser parser = new EnvelopeParser(MAPPER);

    @Test
    void theEnvelopeWinsOverWhatACloudTrailRecordClaimsAndEachDisagreementIsKept() {
        ObjectNode record = record().put("recipientAccountId", "222222222222").put("awsRegion", "eu-west-3")
                .put("eventTime", "2026-11-19T23:59:00Z").put("eventSource", "iam.amazonaws.com");

        EventOrigin origin = envelope(record, "111111111111", "us-east-1", "2026-11-20T02:00:00Z").origin();

        assertThat(origin.account()).isEqualTo("111111111111");
        assertThat(origin.region()).isEqualTo("us-east-1");
        assertThat(origin.time()).contains(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(origin.timeText()).isEqualTo("2026-11-20T02:00:00Z");
        assertThat(origin.source()).isEqualTo("aws.ec2");
        assertThat(origin.agrees()).isFalse();
        assertThat(origin.mismatches()).containsExactly(
                new Mismatch("account", "111111111111", "222222222222"),
                new Mismatch("region", "us-east-1", "eu-west-3"),
                new Mismatch("source", "aws.ec2", "aws.iam"),
                new Mismatch("time", "2026-11-20T02:00:00Z", "2026-11-19T23:59:00Z"));
    }

    @Test
    void theRecordFillsInWhereTheEnvelopeHasNothing() {
        ObjectNode record = record().put("recipientAccountId", "222222222222").put("awsRegion", "eu-west-3")
                .put("eventTime", "2026-11-19T23:59:00Z");

        EventOrigin origin = envelope(record, null, null, null).origin();

        assertThat(origin).isEqualTo(new EventOrigin("222222222222", "eu-west-3",
                Optional.of(Instant.parse("2026-11-19T23:59:00Z")), "2026-11-19T23:59:00Z", "aws.ec2", List.of()));
    }

    @Test
    void theCallersAccountFillsInButIsNotComparedSinceACrossAccountCallerDiffers() {
        ObjectNode record = record();
        record.putObject("userIdentity").put("type", "AWSAccount").put("accountId", "333333333333");

        assertThat(envelope(record, "111111111111", "us-east-1", null).origin())
                .satisfies(origin -> assertThat(origin.account()).isEqualTo("111111111111"))
                .satisfies(origin -> assertThat(origin.agrees()).isTrue());
        assertThat(envelope(record, null, "us-east-1", null).origin().account()).isEqualTo("333333333333");
    }

    @Test
    void theSameInstantWrittenAnotherWayAgreesAndKeepsTheRecordsOwnForm() {
        EventOrigin origin = only("eventbridge/derived/eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json")
                .origin();

        assertThat(origin.agrees()).isTrue();
        assertThat(origin.time()).contains(Instant.parse("2021-01-24T04:55:45Z"));
        assertThat(origin.timeText()).isEqualTo("2021-01-24 04:55:45.000");
    }

    @Test
    void anUnreadableEnvelopeTimeGivesWayToTheRecords() {
        EventEnvelope envelope = only("eventbridge/eb-ec2-AuthorizeSecurityGroupIngress-IAMUser-streamalert-sanitized-1.json");

        assertThat(envelope.time()).isEqualTo("...");
        assertThat(envelope.origin().time()).contains(Instant.parse("2017-10-11T17:02:32Z"));
        assertThat(envelope.origin().timeText()).isEqualTo("2017-10-11T17:02:32Z");
    }

    @Test
    void aGuardDutyFindingsAccountIsComparedButItsUpdateTimeOnlyStandsInForAMissingOne() {
        EventEnvelope envelope = only("guardduty/gd-eb-UnauthorizedAccess-IAMUser-TorIPCaller-c7n-1.json");

        EventOrigin origin = envelope.origin();
        assertThat(origin.account()).isEqualTo("101010101111");
        assertThat(origin.mismatches()).containsExactly(new Mismatch("account", "101010101111", "883606788610"));
        // The envelope says 1970, which no real event does: the finding's update time stands in, uncompared.
        assertThat(envelope.time()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(origin.time()).contains(Instant.parse("2017-12-08T15:32:49.862Z"));

        ObjectNode json = envelope.json().deepCopy();
        json.put("time", "2017-12-09T00:00:00Z");
        assertThat(parser.parse(json).get(0)).isInstanceOfSatisfying(EventEnvelope.class, later -> {
            assertThat(later.origin().time()).contains(Instant.parse("2017-12-09T00:00:00Z"));
            assertThat(later.origin().mismatches()).extracting(Mismatch::field).containsExactly("account");
        });
    }

    @Test
    void everySecurityHubFindingThatNamesAnotherAccountOrRegionIsKept() {
        ObjectNode detail = MAPPER.createObjectNode();
        detail.putArray("findings")
                .add(MAPPER.createObjectNode().put("AwsAccountId", "111111111111").put("Region", "us-east-1"))
                .add(MAPPER.createObjectNode().put("AwsAccountId", "222222222222").put("Region", "eu-west-3"))
                .add(MAPPER.createObjectNode().set("cloud", MAPPER.createObjectNode().put("region", "ap-south-1")
                        .set("account", MAPPER.createObjectNode().put("uid", "222222222222"))));

        EventOrigin origin = new EventEnvelope("id", "aws.securityhub", "Findings Imported V2", "111111111111",
                "us-east-1", "2026-11-20T02:00:00Z", detail, detail).origin();

        assertThat(origin.account()).isEqualTo("111111111111");
        assertThat(origin.mismatches()).containsExactly(
                new Mismatch("account", "111111111111", "222222222222"),
                new Mismatch("region", "us-east-1", "eu-west-3"),
                new Mismatch("region", "us-east-1", "ap-south-1"));
    }

    @Test
    void aRemediationResultsAccountAndRegionAreClaims() {
        JsonNode detail = MAPPER.createObjectNode().put("account", "222222222222").put("region", "eu-west-3")
                .put("groupId", "sg-0abc");

        EventOrigin origin = new EventEnvelope("id", EventEnvelope.REMEDIATION_SOURCE, "Security Group Remediation",
                "111111111111", "us-east-1", "2026-11-20T02:00:00Z", detail, detail).origin();

        assertThat(origin.account()).isEqualTo("111111111111");
        assertThat(origin.region()).isEqualTo("us-east-1");
        assertThat(origin.mismatches()).extracting(Mismatch::toString).containsExactly(
                "account: envelope 111111111111, payload 222222222222", "region: envelope us-east-1, payload eu-west-3");
    }

    @Test
    void anEventWithoutClaimsIsTheEnvelope() {
        EventEnvelope envelope = only("eventbridge/eb-aws.events-Scheduled-Event-c7n-1.json");

        assertThat(envelope.origin().account()).isEqualTo(envelope.account());
        assertThat(envelope.origin().region()).isEqualTo(envelope.region());
        assertThat(envelope.origin().timeText()).isEqualTo(envelope.time());
        assertThat(envelope.origin().agrees()).isTrue();
    }

    /**
     * The corpus events whose payload disagrees with their envelope: Cloud Custodian and StreamAlert test data edited
     * or sanitised by hand ("..." placeholders). Real EventBridge events agree.
     */
    @Test
    void theCorpusDisagreesOnlyInTestDataEditedByHand() {
        TreeSet<String> disagreeing = new TreeSet<>();
        for (CorpusEvents.Labelled event : CorpusEvents.allEvents()) {
            List<Mismatch> mismatches = event.envelope().origin().mismatches();
            if (!mismatches.isEmpty()) {
                disagreeing.add(event.path() + " " + mismatches.stream().map(Mismatch::field).toList());
            }
        }
        assertThat(disagreeing).containsExactly(
                "eventbridge/eb-cloudsearch-CreateDomain-AssumedRole-c7n-1.json [account, source, time]",
                "eventbridge/eb-ec2-AuthorizeSecurityGroupIngress-IAMUser-streamalert-sanitized-1.json [source]",
                "eventbridge/eb-ec2-AuthorizeSecurityGroupIngress-IAMUser-streamalert-sanitized-2.json [source]",
                "eventbridge/eb-s3-PutBucketAcl-IAMUser-streamalert-sanitized-1.json [source]",
                "eventbridge/eb-s3-PutObjectAcl-NoType-streamalert-sanitized-1.json [source]",
                "eventbridge/eb-x-...-Root-streamalert-sanitized-1.json [region, source]",
                "eventbridge/eb-x-CreateNetworkAclEntry-IAMUser-streamalert-sanitized-1.json [region, source]",
                "eventbridge/eb-x-PutBucketAcl-IAMUser-streamalert-sanitized-1.json [source]",
                "eventbridge/eb-x-PutObjectAcl-NoType-streamalert-sanitized-1.json [source]",
                "eventbridge/eb-x-PutObjectAcl-NoType-streamalert-sanitized-2.json [source]",
                "eventbridge/eb-x-PutObjectAcl-NoType-streamalert-sanitized-3.json [source]",
                "eventbridge/eb-x-PutObjectAcl-NoType-streamalert-sanitized-4.json [source]",
                "guardduty/gd-eb-Backdoor-EC2-C-CActivity.B-DNS-c7n-1.json [account]",
                "guardduty/gd-eb-UnauthorizedAccess-IAMUser-TorIPCaller-c7n-1.json [account]",
                "securityhub/eb-Security-Hub-Findings---Custom-Action-c7n-3.json [account]",
                "sns/derived/sns-eb-cloudsearch-CreateDomain-AssumedRole-c7n-1-1.json [account, source, time]");
    }

    private EventEnvelope only(String path) {
        List<InboundMessage> messages = parser.parse(AcceptanceData.sample(path).json());
        assertThat(messages).hasSize(1);
        return (EventEnvelope) messages.get(0);
    }

    private static ObjectNode record() {
        ObjectNode record = MAPPER.createObjectNode().put("eventSource", "ec2.amazonaws.com")
                .put("eventName", "AuthorizeSecurityGroupIngress").put("eventID", "e-1");
        record.putObject("userIdentity").put("type", "IAMUser").put("userName", "alice");
        return record;
    }

    private static EventEnvelope envelope(JsonNode detail, String account, String region, String time) {
        ObjectNode json = MAPPER.createObjectNode().put("id", "id").put("source", "aws.ec2")
                .put("detail-type", EventEnvelope.API_CALL).put("account", account).put("region", region)
                .put("time", time);
        json.set("detail", detail);
        return new EventEnvelope("id", "aws.ec2", EventEnvelope.API_CALL, account, region, time, detail, json);
    }
}
