package dev.securitywatch.event;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The fields of a CloudTrail record that alerting and audit use. The nested request and response stay as JSON:
 * their shape differs for every API.
 */
public record CloudTrailEvent(String eventId, String eventTime, String eventSource, String eventName,
                              String eventType, String awsRegion, String sourceIpAddress, String userAgent,
                              String errorCode, String errorMessage, Boolean readOnly, String recipientAccountId,
                              Actor actor, JsonNode requestParameters, JsonNode responseElements,
                              JsonNode additionalEventData, JsonNode record) {

    /** Reads a CloudTrail record; empty when the JSON is not one (no eventSource or eventName). */
    public static Optional<CloudTrailEvent> fromDetail(JsonNode record) {
        if (record == null || !record.isObject()) {
            return Optional.empty();
        }
        String eventSource = text(record, "eventSource");
        String eventName = text(record, "eventName");
        if (eventSource == null || eventName == null) {
            return Optional.empty();
        }
        return Optional.of(new CloudTrailEvent(text(record, "eventID"), text(record, "eventTime"), eventSource,
                eventName, text(record, "eventType"), text(record, "awsRegion"), text(record, "sourceIPAddress"),
                text(record, "userAgent"), text(record, "errorCode"), text(record, "errorMessage"),
                readOnlyFlag(record.path("readOnly")),
                text(record, "recipientAccountId"), Actor.from(record.get("userIdentity"), record.get("additionalEventData")),
                record.path("requestParameters"), record.path("responseElements"),
                record.path("additionalEventData"), record));
    }

    /** {@code readOnly} is a boolean in live logs and a string in some exported samples; absent stays null. */
    private static Boolean readOnlyFlag(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isTextual() ? Boolean.valueOf(value.asText()) : null;
    }

    /** A call that AWS refused: it was attempted, and nothing changed. */
    public boolean failed() {
        return errorCode != null;
    }

    /** The account the event belongs to: the recipient, or else the caller's. */
    public String accountId() {
        return recipientAccountId != null ? recipientAccountId : actor.accountId();
    }
}
