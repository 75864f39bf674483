package dev.securitywatch.event.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsDecoderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SNS_EVENT = "sns/derived/sns-eb-iam-AttachUserPolicy-IAMUser-stratus-1.json";
    private static final String EVENTBRIDGE_EVENT = "eventbridge/derived/eb-iam-AttachUserPolicy-IAMUser-stratus-1.json";
    private static final String SQS_MESSAGE_ID = "d9144555-9a4f-4ec3-99a0-fc4e625a8db2";

    private final EnvelopeParser parser = new EnvelopeParser(MAPPER);
    private final RecordsDecoder decoder = new RecordsDecoder(parser);

    @Test
    void anSnsLambdaEventKeepsEachMessageIdAndUnwrapsTheEventInside() {
        JsonNode event = AcceptanceData.sample(SNS_EVENT).json();
        JsonNode sns = event.path("Records").path(0).path("Sns");

        DeliveredRecord record = single(decoder.decode(event));

        assertThat(record.id()).isEqualTo(sns.path("MessageId").asText()).isNotBlank();
        assertThat(record.sentAt()).contains(Instant.parse(sns.path("Timestamp").asText()));
        assertThat(envelope(record).json()).isEqualTo(AcceptanceData.sample(EVENTBRIDGE_EVENT).json());
    }

    @Test
    void anSnsNotificationBodyKeepsItsMessageId() {
        JsonNode notification = AcceptanceData.sample(SNS_EVENT).json().path("Records").path(0).path("Sns");

        DeliveredRecord record = new SnsDecoder(parser).notification(notification);

        assertThat(SnsDecoder.isNotification(notification)).isTrue();
        assertThat(record.id()).isEqualTo(notification.path("MessageId").asText());
        assertThat(envelope(record).json()).isEqualTo(AcceptanceData.sample(EVENTBRIDGE_EVENT).json());
    }

    @Test
    void anSqsRecordKeepsItsMessageIdAndSentTimeAndKeepsABodyThatIsNoEvent() throws IOException {
        DeliveredRecord record = single(decoder.decode(sqsEvent()));

        assertThat(record.id()).isEqualTo(SQS_MESSAGE_ID);
        assertThat(record.sentAt()).contains(Instant.ofEpochMilli(1_601_975_709_495L));
        assertThat(record.messages()).singleElement().isInstanceOfSatisfying(UnreadableMessage.class,
                unreadable -> assertThat(unreadable.reason()).isEqualTo("unknown event shape (fields: id, name, price)"));
    }

    /** What the flow-control queue will deliver: SNS notifications (raw delivery off) and raw EventBridge events. */
    @Test
    void anSqsBodyIsAnSnsNotificationOrAnEventBridgeEventOrNeither() throws IOException {
        JsonNode notification = AcceptanceData.sample(SNS_EVENT).json().path("Records").path(0).path("Sns");
        JsonNode eventBridge = AcceptanceData.sample(EVENTBRIDGE_EVENT).json();
        ObjectNode event = sqsEvent();
        ObjectNode template = (ObjectNode) event.withArray("Records").remove(0);
        event.withArray("Records")
                .add(template.deepCopy().put("messageId", "m-sns").put("body", notification.toString()))
                .add(template.deepCopy().put("messageId", "m-eventbridge").put("body", eventBridge.toString()))
                .add(template.deepCopy().put("messageId", "m-text").put("body", "plain text alarm"))
                .add(template.deepCopy().put("messageId", "m-nobody").without("body"));

        List<DeliveredRecord> records = decoder.decode(event);

        assertThat(records).extracting(DeliveredRecord::id)
                .containsExactly("m-sns", "m-eventbridge", "m-text", "m-nobody");
        assertThat(envelope(records.get(0)).json()).isEqualTo(eventBridge);
        assertThat(envelope(records.get(1)).json()).isEqualTo(eventBridge);
        assertThat(reason(records.get(2))).startsWith("not JSON");
        assertThat(reason(records.get(3))).isEqualTo("SQS record without a body");
        assertThat(parser.parse(event)).hasSize(4);
    }

    @Test
    void aCloudTrailLogFileNumbersItsEntriesAndWrapsEachAsEventBridgeWould() {
        JsonNode first = AcceptanceData.sample("cloudtrail/iam-CreateRole-AssumedRole-panther-1.json").json();
        JsonNode second = AcceptanceData.sample("cloudtrail/signin-ConsoleLogin-IAMUser-awsdocs-3.json").json();
        ObjectNode logFile = MAPPER.createObjectNode();
        logFile.putArray("Records").add(first).add(second);

        List<DeliveredRecord> records = decoder.decode(logFile);

        assertThat(records).extracting(DeliveredRecord::id).containsExactly("0", "1");
        assertThat(records).allSatisfy(record -> assertThat(record.sentAt()).isEmpty());
        assertThat(envelope(records.get(0)).detail()).isEqualTo(first);
        assertThat(envelope(records.get(1)).detailType()).isEqualTo(EventEnvelope.CONSOLE_SIGN_IN);
    }

    @Test
    void aRecordOfNoKnownShapeIsKeptUnreadableAndAnEmptyDeliveryHasNoRecords() {
        JsonNode event = MAPPER.createObjectNode().set("Records", MAPPER.createArrayNode()
                .add(MAPPER.createObjectNode().set("s3", MAPPER.createObjectNode())).add(MAPPER.createObjectNode().set("Sns",
                        MAPPER.createObjectNode().put("MessageId", "sns-1"))));

        List<DeliveredRecord> records = decoder.decode(event);

        assertThat(records).extracting(DeliveredRecord::id).containsExactly(null, "sns-1");
        assertThat(reason(records.get(0))).isEqualTo("unknown record shape (fields: s3)");
        assertThat(reason(records.get(1))).isEqualTo("SNS record without a Message");
        assertThat(decoder.decode(MAPPER.createObjectNode().putArray("Records"))).isEmpty();
    }

    private static ObjectNode sqsEvent() throws IOException {
        try (InputStream in = RecordsDecoderTest.class.getResourceAsStream("/transport/sqs-event-javalibs.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static DeliveredRecord single(List<DeliveredRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static EventEnvelope envelope(DeliveredRecord record) {
        List<InboundMessage> messages = record.messages();
        assertThat(messages).singleElement().isInstanceOf(EventEnvelope.class);
        return (EventEnvelope) messages.get(0);
    }

    private static String reason(DeliveredRecord record) {
        assertThat(record.messages()).singleElement().isInstanceOf(UnreadableMessage.class);
        return ((UnreadableMessage) record.messages().get(0)).reason();
    }
}
