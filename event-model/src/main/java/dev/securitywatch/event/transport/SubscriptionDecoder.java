package dev.securitywatch.event.transport;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch Logs subscription data: decodes the {@code awslogs.data} field of a subscription event (base64, then
 * gzip, then JSON), and reads the decoded JSON, which users keep in files. The envelope parser leaves these payloads
 * alone: a subscription batch reaches only the indexer, which decodes it here.
 */
public final class SubscriptionDecoder {
    /**
     * CloudWatch Logs sends at most 1 MB of log events per batch; a payload that inflates past this is not one of
     * its batches, and reading it whole would let a small forged upload exhaust the Lambda's memory.
     */
    public static final int MAX_DECODED_BYTES = 8 * 1024 * 1024;

    private final ObjectMapper mapper;

    public SubscriptionDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public LogBatch decode(String base64Gzip) {
        byte[] compressed;
        try {
            compressed = Base64.getMimeDecoder().decode(base64Gzip);
        } catch (IllegalArgumentException e) {
            throw new PayloadException("awslogs.data is not base64: " + e.getMessage());
        }
        byte[] decoded;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            decoded = in.readNBytes(MAX_DECODED_BYTES + 1);
        } catch (IOException e) {
            throw new PayloadException("awslogs.data is not gzip-compressed JSON: " + e.getMessage());
        }
        if (decoded.length > MAX_DECODED_BYTES) {
            throw new PayloadException("awslogs.data inflates to more than " + MAX_DECODED_BYTES + " bytes, more"
                    + " than any CloudWatch Logs batch: refused unread");
        }
        try {
            return read(mapper.readTree(decoded));
        } catch (IOException e) {
            throw new PayloadException("awslogs.data is not gzip-compressed JSON: " + e.getMessage());
        }
    }

    /** True for the decoded payload shape ({@code messageType} and {@code logEvents}). */
    public static boolean isDecodedPayload(JsonNode json) {
        return json.isObject() && json.has("messageType") && json.has("logEvents");
    }

    /** True for the Lambda event shape ({@code {"awslogs": {"data": "..."}}}). */
    public static boolean isEncodedPayload(JsonNode json) {
        return json.isObject() && json.path("awslogs").path("data").isTextual();
    }

    public LogBatch read(JsonNode payload) {
        if (!isDecodedPayload(payload)) {
            throw new PayloadException("not a CloudWatch Logs subscription payload (no messageType and logEvents)");
        }
        List<LogBatch.LogEvent> events = new ArrayList<>();
        for (JsonNode event : payload.path("logEvents")) {
            JsonNode message = event.path("message");
            events.add(new LogBatch.LogEvent(text(event, "id"), event.path("timestamp").asLong(0),
                    message.isTextual() ? message.asText() : message.toString()));
        }
        return new LogBatch(text(payload, "messageType"), text(payload, "owner"), text(payload, "logGroup"),
                text(payload, "logStream"), events);
    }

    /** A payload that cannot be decoded. In Lambda this fails the invocation: CloudWatch Logs retries it. */
    public static final class PayloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PayloadException(String message) {
            super(message);
        }
    }
}
