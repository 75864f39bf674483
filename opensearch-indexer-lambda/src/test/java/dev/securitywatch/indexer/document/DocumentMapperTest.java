package dev.securitywatch.indexer.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.testing.CorpusEvents;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentMapperTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocumentMapper DOCUMENTS = new DocumentMapper(MAPPER, Catalog.defaults(), IndexWindow.BACKFILL);
    private static final Instant RECEIVED = Instant.parse("2026-11-20T02:00:00Z");
    private static final Pattern MONTHLY = Pattern.compile("security-events-2\\d{3}\\.(0[1-9]|1[0-2])");
    private static final String ENVELOPE_ACCOUNT = "222222222222";
    private static final String ENVELOPE_REGION = "us-east-1";
    private static final String ENVELOPE_TIME = "2026-11-20T02:00:01Z";
    private static final String CLAIMED_ACCOUNT = "333333333333";
    private static final String CLAIMED_REGION = "eu-west-3";

    static List<CorpusEvents.Labelled> corpus() {
        return CorpusEvents.allEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusEventMapsToADocumentWithTheNormalisedFields(CorpusEvents.Labelled event) {
        List<IndexedDocument> documents = DOCUMENTS.map(event.envelope(), RECEIVED);

        assertThat(documents).isNotEmpty();
        for (IndexedDocument document : documents) {
            JsonNode source = document.source();
            assertThat(document.index()).matches(MONTHLY);
            assertThat(document.id()).isNotBlank();
            assertThat(source.path("event").path("id").asText()).isNotBlank();
            assertThat(Instant.parse(source.path("@timestamp").asText())).isNotNull();
            assertThat(source.path("event").path("provider").asText()).isNotBlank();
            assertThat(source.path("event").path("outcome").asText()).isIn("success", "failure", "unknown");
            assertThat(source.path("cloud").path("provider").asText()).isEqualTo("aws");
            if (source.has("eventName")) {
                assertThat(source.path("user").path("name").asText()).isNotBlank();
                assertThat(source.path("user").path("type").asText()).isNotBlank();
                assertThat(source.path("event").path("action").asText()).isEqualTo(source.path("eventName").asText());
            }
            for (String field : DocumentMapper.FREE_FORM_FIELDS) {
                JsonNode value = source.path(field);
                assertThat(value.isMissingNode() || value.isNull() || value.isObject())
                        .as("%s must be an object for flat_object", field).isTrue();
            }
            JsonNode ip = source.path("source").path("ip");
            assertThat(ip.isMissingNode() || IpAddresses.isIpLiteral(ip.asText())).isTrue();
        }
    }

    @Test
    void cloudTrailRecordKeepsItsFieldsAndGetsIdTimeAndIndexFromTheRecord() {
        JsonNode record = MAPPER.createObjectNode()
                .put("eventVersion", "1.08").put("eventTime", "2024-08-01T10:00:00Z")
                .put("eventSource", "ec2.amazonaws.com").put("eventName", "AuthorizeSecurityGroupIngress")
                .put("awsRegion", "eu-west-1").put("sourceIPAddress", "203.0.113.7").put("userAgent", "aws-cli/2")
                .put("eventID", "11111111-2222-3333-4444-555555555555").put("readOnly", "false")
                .put("recipientAccountId", "111111111111")
                .set("userIdentity", MAPPER.createObjectNode().put("type", "AssumedRole")
                        .put("arn", "arn:aws:sts::111111111111:assumed-role/Admin/alice")
                        .put("accountId", "111111111111"));
        IndexedDocument document = single(record);

        JsonNode source = document.source();
        assertThat(document.index()).isEqualTo("security-events-2024.08");
        assertThat(document.id()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(source.path("@timestamp").asText()).isEqualTo("2024-08-01T10:00:00Z");
        assertThat(source.path("eventName").asText()).isEqualTo("AuthorizeSecurityGroupIngress");
        assertThat(source.path("readOnly").isBoolean()).isTrue();
        assertThat(source.path("event").path("outcome").asText()).isEqualTo("success");
        assertThat(source.path("event").path("category").asText()).isEqualTo("security-group");
        assertThat(source.path("event").path("severity").asText()).isNotBlank();
        assertThat(source.path("rule").path("id").asText()).isNotBlank();
        assertThat(source.path("cloud").path("account").path("id").asText()).isEqualTo("111111111111");
        assertThat(source.path("cloud").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(source.path("user").path("name").asText()).isEqualTo("Admin/alice");
        assertThat(source.path("user").path("type").asText()).isEqualTo("AssumedRole");
        assertThat(source.path("source").path("ip").asText()).isEqualTo("203.0.113.7");
        assertThat(source.path("user_agent").path("original").asText()).isEqualTo("aws-cli/2");
        assertThat(source.path("aws").path("eventbridge").path("source").asText()).isEqualTo("aws.ec2");
    }

    @Test
    void failedCallAndFailedConsoleSignInAreFailures() {
        JsonNode denied = cloudTrail("iam.amazonaws.com", "CreateUser").put("errorCode", "AccessDenied");
        JsonNode signIn = cloudTrail("signin.amazonaws.com", "ConsoleLogin")
                .set("responseElements", MAPPER.createObjectNode().put("ConsoleLogin", "Failure"));

        assertThat(single(denied).source().path("event").path("outcome").asText()).isEqualTo("failure");
        assertThat(single(signIn).source().path("event").path("outcome").asText()).isEqualTo("failure");
    }

    @Test
    void serviceCallerIsADomainNotAnIp() {
        JsonNode record = cloudTrail("sts.amazonaws.com", "AssumeRole").put("sourceIPAddress", "ec2.amazonaws.com");

        JsonNode source = single(record).source();

        assertThat(source.path("source").path("ip").isMissingNode()).isTrue();
        assertThat(source.path("source").path("domain").asText()).isEqualTo("ec2.amazonaws.com");
    }

    @Test
    void freeFormFieldThatIsNotAnObjectIsWrappedSoFlatObjectAcceptsIt() {
        JsonNode record = cloudTrail("s3.amazonaws.com", "PutBucketPolicy").put("requestParameters", "opaque");

        assertThat(single(record).source().path("requestParameters").path("value").asText()).isEqualTo("opaque");
    }

    @Test
    void resourcesListedAsBareArnsBecomeObjects() {
        ObjectNode record = cloudTrail("sts.amazonaws.com", "AssumeRole");
        record.putArray("resources").add("arn:aws:iam::111111111111:role/x").addNull()
                .addObject().put("ARN", "arn:aws:kms:us-east-1:111111111111:key/k").put("type", "AWS::KMS::Key");

        JsonNode resources = single(record).source().path("resources");

        assertThat(resources).hasSize(2);
        assertThat(resources.get(0).path("ARN").asText()).isEqualTo("arn:aws:iam::111111111111:role/x");
        assertThat(resources.get(1).path("type").asText()).isEqualTo("AWS::KMS::Key");
    }

    @Test
    void unreadableTimeFallsBackToTheEnvelopeAndThenToTheReceivedTime() {
        JsonNode record = cloudTrail("iam.amazonaws.com", "CreateUser").put("eventTime", "yesterday");

        IndexedDocument document = single(record);

        assertThat(document.source().path("@timestamp").asText()).isEqualTo(RECEIVED.toString());
        assertThat(document.index()).isEqualTo("security-events-2026.11");
    }

    @Test
    void securityHubEventWithTwoFindingsGivesOneDocumentPerFinding() {
        EventEnvelope envelope = CorpusEvents.envelopes("securityhub/").stream().map(CorpusEvents.Labelled::envelope)
                .filter(e -> e.detail().path("findings").size() == 1).findFirst().orElseThrow();
        JsonNode first = envelope.detail().path("findings").get(0);
        JsonNode second = first.deepCopy();
        ((ObjectNode) second).put("Id", "second-finding");
        ObjectNode twoFindings = envelope.json().deepCopy();
        ((ObjectNode) twoFindings.path("detail")).putArray("findings")
                .add(first).add(second);

        List<IndexedDocument> documents = DOCUMENTS.map(envelopes(twoFindings).get(0), RECEIVED);

        String updated = "@" + first.path("UpdatedAt").asText();
        assertThat(documents).extracting(IndexedDocument::id).containsExactly(first.path("Id").asText() + updated,
                "second-finding" + updated);
        assertThat(documents.get(1).source().path("finding").path("id").asText()).isEqualTo("second-finding");
        assertThat(documents.get(1).source().path("event").path("kind").asText()).isEqualTo("alert");
    }

    @Test
    void guardDutyFindingIsAnAlertWithItsOwnSeverityAndId() {
        EventEnvelope envelope = CorpusEvents.envelopes("guardduty/").get(0).envelope();

        IndexedDocument document = DOCUMENTS.map(envelope, RECEIVED).get(0);

        assertThat(document.id()).isEqualTo(envelope.detail().path("id").asText() + "@"
                + envelope.detail().path("updatedAt").asText());
        assertThat(document.source().path("event").path("kind").asText()).isEqualTo("alert");
        assertThat(document.source().path("finding").path("severity").asText()).isIn("LOW", "MEDIUM", "HIGH",
                "CRITICAL");
        assertThat(document.source().path("detail").isObject()).isTrue();
        assertThat(document.source().path("event").path("category").asText()).isEqualTo("threat-finding");
    }

    @Test
    void eachUpdateOfAFindingIsItsOwnDocumentSoCreateOnlyWritesKeepThemAll() {
        ObjectNode finding = MAPPER.createObjectNode().put("id", "gd-1").put("severity", 5)
                .put("updatedAt", "2026-11-20T01:00:00Z");
        ObjectNode update = finding.deepCopy().put("severity", 8).put("updatedAt", "2026-11-20T01:30:00Z");

        String firstId = DOCUMENTS.map(envelopeAround("aws.guardduty", "GuardDuty Finding", finding), RECEIVED)
                .get(0).id();
        String updateId = DOCUMENTS.map(envelopeAround("aws.guardduty", "GuardDuty Finding", update), RECEIVED)
                .get(0).id();

        assertThat(firstId).isEqualTo("gd-1@2026-11-20T01:00:00Z");
        assertThat(updateId).isEqualTo("gd-1@2026-11-20T01:30:00Z");
    }

    @Test
    void remediationResultIsIndexedWithItsActorAndOutcome() {
        JsonNode envelope = remediationResult("111111111111", "us-east-1");

        JsonNode source = DOCUMENTS.map(envelopes(envelope).get(0), RECEIVED).get(0).source();

        assertThat(source.path("cloud").path("account").path("id").asText()).isEqualTo(ENVELOPE_ACCOUNT);
        assertThat(source.path("user").path("name").asText()).isEqualTo("arn:aws:iam::111111111111:user/bob");
        assertThat(source.path("event").path("outcome").asText()).isEqualTo("failure");
        assertThat(source.path("event").path("kind").asText()).isEqualTo("state");
        assertThat(source.path("event").path("category").asText()).isEqualTo("remediation");
        assertThat(source.path("detail").path("groupId").asText()).isEqualTo("sg-0abc");
    }

    /** DESIGN.md: trust the envelope, not the payload. Each payload below claims another account, region and time. */
    @Test
    void cloudTrailDocumentStoresTheEnvelopesAccountRegionAndTime() {
        ObjectNode record = cloudTrail("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                .put("recipientAccountId", CLAIMED_ACCOUNT).put("awsRegion", CLAIMED_REGION)
                .put("eventTime", "2026-10-31T23:59:00Z");

        assertStoresTheEnvelope(envelopeAround("aws.ec2", EventEnvelope.API_CALL, record));
    }

    @Test
    void findingDocumentsStoreTheAccountRegionAndTimeTheFindingIsAbout() {
        ObjectNode guardDuty = MAPPER.createObjectNode().put("id", "gd-1").put("accountId", CLAIMED_ACCOUNT)
                .put("region", CLAIMED_REGION).put("updatedAt", "2026-10-31T23:59:00Z").put("severity", 5);
        ObjectNode securityHub = MAPPER.createObjectNode();
        securityHub.putArray("findings").addObject().put("Id", "sh-1").put("AwsAccountId", CLAIMED_ACCOUNT)
                .put("Region", CLAIMED_REGION).put("UpdatedAt", "2026-10-31T23:59:00Z");

        assertStoresTheFindingsSubject(envelopeAround("aws.guardduty", "GuardDuty Finding", guardDuty));
        assertStoresTheFindingsSubject(envelopeAround("aws.securityhub", "Security Hub Findings - Imported",
                securityHub));
    }

    @Test
    void remediationDocumentStoresTheEnvelopesAccountRegionAndTime() {
        assertStoresTheEnvelope(envelopes(remediationResult(CLAIMED_ACCOUNT, CLAIMED_REGION)).get(0));
    }

    private static void assertStoresTheEnvelope(EventEnvelope envelope) {
        assertThat(envelope.origin().agrees()).as("the payload claims another account").isFalse();

        IndexedDocument document = DOCUMENTS.map(envelope, RECEIVED).get(0);

        JsonNode source = document.source();
        assertThat(source.path("cloud").path("account").path("id").asText()).isEqualTo(ENVELOPE_ACCOUNT);
        assertThat(source.path("cloud").path("region").asText()).isEqualTo(ENVELOPE_REGION);
        assertThat(source.path("@timestamp").asText()).isEqualTo(ENVELOPE_TIME);
        assertThat(document.index()).isEqualTo("security-events-2026.11");
    }

    /** A delegated administrator delivers members' findings in its own envelope: the finding's subject is stored. */
    private static void assertStoresTheFindingsSubject(EventEnvelope envelope) {
        assertThat(envelope.origin().agrees()).as("the finding is about another account").isFalse();

        IndexedDocument document = DOCUMENTS.map(envelope, RECEIVED).get(0);

        JsonNode source = document.source();
        assertThat(source.path("cloud").path("account").path("id").asText()).isEqualTo(CLAIMED_ACCOUNT);
        assertThat(source.path("cloud").path("region").asText()).isEqualTo(CLAIMED_REGION);
        assertThat(source.path("@timestamp").asText()).isEqualTo("2026-10-31T23:59:00Z");
        assertThat(document.index()).isEqualTo("security-events-2026.10");
    }

    private static EventEnvelope envelopeAround(String source, String detailType, JsonNode detail) {
        ObjectNode json = MAPPER.createObjectNode().put("version", "0").put("id", "event-1")
                .put("detail-type", detailType).put("source", source).put("account", ENVELOPE_ACCOUNT)
                .put("region", ENVELOPE_REGION).put("time", ENVELOPE_TIME);
        json.set("detail", detail);
        return envelopes(json).get(0);
    }

    private static JsonNode remediationResult(String account, String region) {
        return MAPPER.createObjectNode().put("version", "0").put("id", "rem-1")
                .put("detail-type", Catalog.REMEDIATION_DETAIL_TYPE).put("source", Catalog.REMEDIATION_SOURCE)
                .put("account", ENVELOPE_ACCOUNT).put("region", ENVELOPE_REGION).put("time", ENVELOPE_TIME)
                .set("detail", MAPPER.createObjectNode().put("account", account).put("region", region)
                        .put("groupId", "sg-0abc").put("mode", "ENFORCE").put("compliance", "COMPLIANT")
                        .put("actor", "arn:aws:iam::111111111111:user/bob").put("error", "AccessDenied"));
    }

    @Test
    void liveEventsOnlyNameAMonthNearTheirArrivalSoForgedYearsCannotCreateIndices() {
        DocumentMapper live = new DocumentMapper(MAPPER, Catalog.defaults(), IndexWindow.LIVE);
        Instant arrived = Instant.parse("2026-12-04T05:00:00Z");

        assertThat(indexOf(live, "2026-12-04T04:55:00Z", arrived)).isEqualTo("security-events-2026.12");
        assertThat(indexOf(live, "2026-09-10T00:00:00Z", arrived)).as("a replay within 90 days")
                .isEqualTo("security-events-2026.09");
        assertThat(indexOf(live, "2999-01-01T00:00:00Z", arrived)).isEqualTo(IndexNames.OUT_OF_RANGE);
        assertThat(indexOf(live, "2000-01-01T00:00:00Z", arrived)).isEqualTo(IndexNames.OUT_OF_RANGE);
        assertThat(indexOf(live, "2026-12-06T00:00:00Z", arrived)).isEqualTo(IndexNames.OUT_OF_RANGE);
        assertThat(indexOf(DOCUMENTS, "2000-01-01T00:00:00Z", arrived)).as("a backfill takes any month")
                .isEqualTo("security-events-2000.01");
    }

    @Test
    void aCloudTrailShapedEventUnderAnotherSourceIsNotReadAsCloudTrail() {
        ObjectNode record = cloudTrail("iam.amazonaws.com", "DeleteUser");

        IndexedDocument forged = DOCUMENTS.map(envelopeAround("security-watch.remediation",
                EventEnvelope.API_CALL, record), RECEIVED).get(0);

        assertThat(forged.source().has("eventName")).as("not a CloudTrail document").isFalse();
        assertThat(forged.source().path("detail").path("eventName").asText()).isEqualTo("DeleteUser");
        assertThat(forged.source().path("event").path("provider").asText()).isEqualTo("security-watch.remediation");
        assertThat(forged.id()).as("the envelope's id, not the forged eventID").isEqualTo("event-1");
    }

    @Test
    void anEventWhoseContentNamesAnotherAccountOrRegionIsFlaggedButAFindingIsNot() {
        ObjectNode record = cloudTrail("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                .put("recipientAccountId", CLAIMED_ACCOUNT).put("awsRegion", CLAIMED_REGION);
        ObjectNode finding = MAPPER.createObjectNode().put("id", "gd-1").put("accountId", CLAIMED_ACCOUNT)
                .put("region", CLAIMED_REGION).put("updatedAt", "2026-10-31T23:59:00Z").put("severity", 5);

        JsonNode cloudTrail = DOCUMENTS.map(envelopeAround("aws.ec2", EventEnvelope.API_CALL, record), RECEIVED)
                .get(0).source();
        JsonNode remediation = DOCUMENTS.map(envelopes(remediationResult(CLAIMED_ACCOUNT, CLAIMED_REGION)).get(0),
                RECEIVED).get(0).source();
        JsonNode guardDuty = DOCUMENTS.map(envelopeAround("aws.guardduty", "GuardDuty Finding", finding), RECEIVED)
                .get(0).source();

        assertThat(cloudTrail.path("event").path("origin_mismatch").toString()).isEqualTo("[\"account\",\"region\"]");
        assertThat(remediation.path("event").path("origin_mismatch").toString())
                .isEqualTo("[\"account\",\"region\"]");
        assertThat(guardDuty.path("event").has("origin_mismatch")).isFalse();
        assertThat(single(cloudTrail("iam.amazonaws.com", "CreateUser")).source().path("event")
                .has("origin_mismatch")).as("an event that agrees is not flagged").isFalse();
    }

    private static String indexOf(DocumentMapper documents, String eventTime, Instant arrived) {
        ObjectNode record = cloudTrail("iam.amazonaws.com", "CreateUser").put("eventTime", eventTime);
        ObjectNode json = MAPPER.createObjectNode().put("version", "0").put("id", "event-1")
                .put("detail-type", EventEnvelope.API_CALL).put("source", "aws.iam").put("account", "111111111111")
                .put("region", "us-east-1").put("time", eventTime);
        json.set("detail", record);
        return documents.map(envelopes(json).get(0), arrived).get(0).index();
    }

    @Test
    void idLongerThanOpenSearchAllowsIsReplacedByAStableHash() {
        String longId = "x".repeat(600);

        assertThat(DocumentMapper.boundedId(longId)).hasSize(36).isEqualTo(DocumentMapper.boundedId(longId));
        assertThat(DocumentMapper.boundedId("short")).isEqualTo("short");
    }

    private static ObjectNode cloudTrail(String eventSource, String eventName) {
        ObjectNode record = MAPPER.createObjectNode()
                .put("eventSource", eventSource).put("eventName", eventName)
                .put("eventTime", "2025-03-04T05:06:07Z").put("eventID", eventName + "-id")
                .put("awsRegion", "us-east-1");
        record.putObject("userIdentity").put("type", "IAMUser").put("userName", "alice")
                .put("accountId", "111111111111");
        return record;
    }

    private static IndexedDocument single(JsonNode record) {
        List<IndexedDocument> documents = DOCUMENTS.map(envelopes(record).get(0), RECEIVED);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    private static List<EventEnvelope> envelopes(JsonNode json) {
        return new EnvelopeParser(MAPPER).parse(json).stream().map(EventEnvelope.class::cast).toList();
    }
}
