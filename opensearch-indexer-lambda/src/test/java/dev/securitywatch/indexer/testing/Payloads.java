package dev.securitywatch.indexer.testing;

import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.testing.SubscriptionData;
import java.time.Instant;
import java.util.List;

/** Builds CloudWatch Logs subscription payloads exactly as CloudWatch Logs encodes them: JSON, gzip, base64. */
public final class Payloads {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {
    }

    public static ObjectNode decoded(List<String> messages) {
        ObjectNode payload = MAPPER.createObjectNode().put("messageType", "DATA_MESSAGE")
                .put("owner", "111111111111").put("logGroup", "/aws/events/security-watch")
                .put("logStream", "stream");
        payload.putArray("subscriptionFilters").add("security-watch-indexer");
        ArrayNode events = payload.putArray("logEvents");
        for (int i = 0; i < messages.size(); i++) {
            events.addObject().put("id", String.valueOf(i)).put("timestamp", timestampOf(i).toEpochMilli())
                    .put("message", messages.get(i));
        }
        return payload;
    }

    /** The CloudWatch Logs timestamp of the i-th log event in a payload. */
    public static Instant timestampOf(int i) {
        return Instant.ofEpochMilli(1_763_600_000_000L + i);
    }

    public static String encodedData(List<String> messages) {
        return encode(decoded(messages).toString());
    }

    public static String encodedControlMessage() {
        return encode("{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
                + "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1,"
                + "\"message\":\"CWL CONTROL MESSAGE: Checking health of destination\"}]}");
    }

    public static CloudWatchLogsEvent event(String data) {
        CloudWatchLogsEvent event = new CloudWatchLogsEvent();
        CloudWatchLogsEvent.AWSLogs logs = new CloudWatchLogsEvent.AWSLogs();
        logs.setData(data);
        event.setAwsLogs(logs);
        return event;
    }

    public static String encode(String json) {
        return SubscriptionData.encode(json);
    }
}
