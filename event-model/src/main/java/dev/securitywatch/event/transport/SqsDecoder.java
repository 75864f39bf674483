package dev.securitywatch.event.transport;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQS: a record of a Lambda SQS event. Its {@code body} is an SNS notification (a queue subscribed to a topic), or
 * the event itself (an EventBridge target, or SNS with raw message delivery); the envelope parser reads either.
 */
public final class SqsDecoder {
    private final EnvelopeParser parser;

    public SqsDecoder(EnvelopeParser parser) {
        this.parser = parser;
    }

    public static boolean isRecord(JsonNode record) {
        return "aws:sqs".equals(text(record, "eventSource")) || record.has("messageId") && record.has("body");
    }

    /** One {@code Records[]} entry of a Lambda SQS event, keeping its {@code messageId} for the batch response. */
    public DeliveredRecord record(JsonNode record) {
        JsonNode body = record.path("body");
        List<InboundMessage> messages = body.isTextual() ? parser.parseText(body.asText())
                : List.of(UnreadableMessage.of(record, "SQS record without a body"));
        return new DeliveredRecord(text(record, "messageId"), sentAt(record), messages);
    }

    /** {@code attributes.SentTimestamp}: epoch milliseconds, as text. */
    private static Optional<Instant> sentAt(JsonNode record) {
        String millis = text(record.path("attributes"), "SentTimestamp");
        try {
            return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (NumberFormatException notMillis) {
            return Optional.empty();
        }
    }
}
