package dev.securitywatch.event.transport;

import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.CloudTrailEvent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.AcceptanceData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeParserTest {
    private final EnvelopeParser parser = new EnvelopeParser(new ObjectMapper());

    private EventEnvelope only(String path) {
        List<InboundMessage> messages = parser.parse(AcceptanceData.sample(path).json());
        assertThat(messages).hasSize(1);
        return (EventEnvelope) messages.get(0);
    }

    @Test
    void rawCloudTrailRecordIsWrappedAsEventBridgeWould() {
        EventEnvelope envelope = only("cloudtrail/iam-CreateRole-AssumedRole-panther-1.json");
        assertThat(envelope.source()).isEqualTo("aws.iam");
        assertThat(envelope.detailType()).isEqualTo(EventEnvelope.API_CALL);
        assertThat(envelope.json().path("detail").path("eventName").asText()).isEqualTo("CreateRole");
        assertThat(envelope.cloudTrailEvent()).get().extracting(CloudTrailEvent::eventName).isEqualTo("CreateRole");
        assertThat(envelope.id()).isEqualTo(envelope.cloudTrailEvent().orElseThrow().eventId());
    }

    @Test
    void consoleSignInGetsTheSignInDetailType() {
        EventEnvelope envelope = only("cloudtrail/signin-ConsoleLogin-IAMUser-awsdocs-3.json");
        assertThat(envelope.source()).isEqualTo("aws.signin");
        assertThat(envelope.detailType()).isEqualTo(EventEnvelope.CONSOLE_SIGN_IN);
    }

    @Test
    void aSignInRecordWithoutEventTypeIsStillASignInAsEventBridgeTypesIt() throws Exception {
        List<InboundMessage> messages = parser.parse(new ObjectMapper().readTree("{\"eventSource\":"
                + "\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"eventTime\":\"2026-12-04T05:00:00Z\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},"
                + "\"responseElements\":{\"ConsoleLogin\":\"Success\"}}"));
        List<InboundMessage> apiCall = parser.parse(new ObjectMapper().readTree("{\"eventSource\":"
                + "\"signin.amazonaws.com\",\"eventName\":\"GetSigninToken\",\"eventTime\":\"2026-12-04T05:00:00Z\"}"));

        assertThat(((EventEnvelope) messages.get(0)).detailType()).isEqualTo(EventEnvelope.CONSOLE_SIGN_IN);
        assertThat(((EventEnvelope) apiCall.get(0)).detailType()).isEqualTo(EventEnvelope.API_CALL);
    }

    @Test
    void snsLambdaEventIsUnwrappedToTheEnvelopeInside() {
        EventEnvelope envelope = only("sns/derived/sns-eb-cloudtrail-CreateTrail-AssumedRole-panther-1.json");
        assertThat(envelope.source()).isEqualTo("aws.cloudtrail");
        assertThat(envelope.account()).isEqualTo("123456789012");
        assertThat(envelope.region()).isEqualTo("us-west-2");
    }

    @Test
    void eventBridgeEnvelopeIsKeptAsIs() {
        var sample = AcceptanceData.sample("guardduty/gd-eb-Backdoor-EC2-C-CActivity.B-DNS-c7n-1.json");
        EventEnvelope envelope = (EventEnvelope) parser.parse(sample.json()).get(0);
        assertThat(envelope.json()).isEqualTo(sample.json());
        assertThat(envelope.detailType()).isEqualTo("GuardDuty Finding");
        assertThat(envelope.cloudTrailEvent()).isEmpty();
    }

    @Test
    void anAlarmsSnsNotificationIsWrappedAsItsEventBridgeStateChange() {
        EventEnvelope alarm = only("sns/notifyslack-cloudwatch_alarm-1.json");
        assertThat(alarm.source()).isEqualTo(EventEnvelope.CLOUDWATCH_SOURCE);
        assertThat(alarm.detailType()).isEqualTo(EventEnvelope.ALARM_STATE_CHANGE);
        assertThat(alarm.account()).isEqualTo("735598076380");
        assertThat(alarm.region()).as("the sample predates AlarmArn; the display name is not a region").isNull();
        assertThat(alarm.detail().path("alarmName").asText()).isEqualTo("DBMigrationRequired");
        assertThat(alarm.detail().path("state").path("value").asText()).isEqualTo("OK");
        assertThat(alarm.detail().path("previousState").path("value").asText()).isEqualTo("ALARM");
        assertThat(alarm.detail().path("configuration").path("description").asText()).startsWith("App is reporting");
        assertThat(alarm.id()).as("a redelivered notification is the same event")
                .isEqualTo(only("sns/notifyslack-cloudwatch_alarm-1.json").id());
    }

    @Test
    void anAlarmNotificationsRegionComesFromItsArn() {
        EventEnvelope alarm = (EventEnvelope) parser.parseText("{\"AlarmName\":\"SecurityWatch-X\","
                + "\"NewStateValue\":\"ALARM\",\"AWSAccountId\":\"111111111111\",\"Region\":\"EU (Ireland)\","
                + "\"AlarmArn\":\"arn:aws:cloudwatch:eu-west-1:111111111111:alarm:SecurityWatch-X\"}").get(0);
        assertThat(alarm.region()).isEqualTo("eu-west-1");
    }

    @Test
    void bareFindingsAreWrappedWithTheirAccountAndRegion() {
        EventEnvelope guardDuty = only("guardduty/gd-finding-PrivilegeEscalation-IAMUser-AdministrativePermissions-panther-1.json");
        assertThat(guardDuty.source()).isEqualTo("aws.guardduty");
        assertThat(guardDuty.detailType()).isEqualTo("GuardDuty Finding");
        assertThat(guardDuty.account()).isNotBlank();
        EventEnvelope asff = only("securityhub/asff-finding-Unusual-Behaviors-panther-1.json");
        assertThat(asff.detailType()).isEqualTo("Security Hub Findings - Imported");
        assertThat(asff.detail().path("findings")).hasSize(1);
        assertThat(asff.account()).isEqualTo("123456789012");
    }

    @Test
    void cloudTrailLogFileYieldsOneEnvelopePerRecord() {
        String logFile = "{\"Records\":[" + AcceptanceData.text("cloudtrail/iam-CreateRole-AssumedRole-panther-1.json")
                + "," + AcceptanceData.text("cloudtrail/signin-ConsoleLogin-IAMUser-awsdocs-3.json") + "]}";
        List<InboundMessage> messages = parser.parseText(logFile);
        assertThat(messages).hasSize(2).allMatch(EventEnvelope.class::isInstance);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all                                     | not JSON",
            "[1, 2]                                              | expected a JSON object, got array",
            "{\"hello\": \"world\"}                              | unknown event shape (fields: hello)",
            "{\"Records\": []}                                   | no records",
            "{\"Records\": [{\"Sns\": {\"Message\": \"plain text alarm\"}}] | not JSON",
            "{\"Records\": [{\"Sns\": {}}]}                      | SNS record without a Message",
            "{\"Records\": [{\"s3\": {}}]}                       | unknown record shape (fields: s3)",
            "{\"Type\": \"Notification\", \"Message\": \"{\\\"odd\\\": 1}\"} | unknown event shape (fields: odd)"})
    void anythingElseBecomesAnUnreadableMessageThatKeepsTheText(String text, String reason) {
        List<InboundMessage> messages = parser.parseText(text);
        assertThat(messages).singleElement().isInstanceOfSatisfying(UnreadableMessage.class, unreadable -> {
            assertThat(unreadable.reason()).startsWith(reason.trim());
            assertThat(unreadable.raw()).isNotBlank();
        });
    }

    @Test
    void everyCorpusFileParsesWithoutThrowing() {
        for (var sample : AcceptanceData.under("")) {
            assertThat(parser.parse(sample.json())).as(sample.path()).isNotEmpty();
        }
    }

    @Test
    void sourceFollowsTheServiceName() {
        assertThat(EventEnvelope.sourceOf("iam.amazonaws.com")).isEqualTo("aws.iam");
        assertThat(EventEnvelope.sourceOf("route53domains.amazonaws.com")).isEqualTo("aws.route53domains");
        assertThat(EventEnvelope.sourceOf(null)).isEqualTo("aws.unknown");
    }
}
