package dev.securitywatch.event.transport;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import java.util.List;

/**
 * SNS: a record of a Lambda SNS event ({@code Records[].Sns}), and an SNS notification body as SNS delivers it to
 * SQS or HTTPS when raw message delivery is off. The {@code Message} is read by the envelope parser.
 */
public final class SnsDecoder {
    private final EnvelopeParser parser;

    public SnsDecoder(EnvelopeParser parser) {
        this.parser = parser;
    }

    public static boolean isRecord(JsonNode record) {
        return record.path("Sns").isObject();
    }

    public static boolean isNotification(JsonNode json) {
        return "Notification".equals(text(json, "Type")) && json.has("Message");
    }

    /** One {@code Records[]} entry of a Lambda SNS event, keeping its {@code MessageId}. */
    public DeliveredRecord record(JsonNode record) {
        JsonNode sns = record.path("Sns");
        JsonNode message = sns.path("Message");
        List<InboundMessage> messages = message.isTextual() ? parser.parseText(message.asText())
                : List.of(UnreadableMessage.of(record, "SNS record without a Message"));
        return new DeliveredRecord(text(sns, "MessageId"), EventTimes.parse(text(sns, "Timestamp")), messages);
    }

    /** An SNS notification body ({@code "Type": "Notification"}), keeping its {@code MessageId}. */
    public DeliveredRecord notification(JsonNode notification) {
        return new DeliveredRecord(text(notification, "MessageId"), EventTimes.parse(text(notification, "Timestamp")),
                parser.parseText(notification.path("Message").asText()));
    }
}
