package dev.securitywatch.event.transport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A decoded CloudWatch Logs subscription payload.
 *
 * @param messageType {@code DATA_MESSAGE}, or {@code CONTROL_MESSAGE} (a reachability check with nothing to index)
 */
public record LogBatch(String messageType, String owner, String logGroup, String logStream, List<LogEvent> logEvents) {
    public static final String DATA_MESSAGE = "DATA_MESSAGE";

    public LogBatch {
        logEvents = List.copyOf(logEvents);
    }

    public boolean isData() {
        return DATA_MESSAGE.equals(messageType);
    }

    /** Each log event as a delivered record: its id, its timestamp, and the messages its text carries. */
    public List<DeliveredRecord> records(EnvelopeParser parser) {
        return logEvents.stream().map(event -> new DeliveredRecord(event.id(),
                Optional.of(Instant.ofEpochMilli(event.timestamp())), parser.parseText(event.message()))).toList();
    }

    /** One log event: its message is expected to be an EventBridge envelope written by the bus's log target. */
    public record LogEvent(String id, long timestamp, String message) {
    }
}
