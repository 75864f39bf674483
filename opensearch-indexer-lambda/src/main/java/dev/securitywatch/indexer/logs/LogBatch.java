package dev.securitywatch.indexer.logs;

import java.util.List;

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

    /** One log event: its message is expected to be an EventBridge envelope written by the bus's log target. */
    public record LogEvent(String id, long timestamp, String message) {
    }
}
