package dev.securitywatch.hubcheck.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The invocation payload. EventBridge Scheduler sends the target input the infra sets,
 * {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}; an EventBridge rule's scheduled event carries
 * {@code "time"}. A manual invocation may send anything, including nothing, and runs as of now.
 */
record ScheduleInvocation(Optional<Instant> scheduledTime, Optional<String> ignoredInput) {

    static ScheduleInvocation parse(ObjectMapper mapper, byte[] payload) {
        if (payload.length == 0) {
            return new ScheduleInvocation(Optional.empty(), Optional.empty());
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (IOException e) {
            return new ScheduleInvocation(Optional.empty(), Optional.of("the payload is not JSON"));
        }
        if (root == null || !root.isObject()) {
            return new ScheduleInvocation(Optional.empty(), Optional.empty());
        }
        JsonNode time = root.hasNonNull("scheduledTime") ? root.get("scheduledTime") : root.get("time");
        if (time == null || time.isNull()) {
            return new ScheduleInvocation(Optional.empty(), Optional.empty());
        }
        try {
            return new ScheduleInvocation(Optional.of(Instant.parse(time.asText())), Optional.empty());
        } catch (DateTimeParseException e) {
            return new ScheduleInvocation(Optional.empty(),
                    Optional.of("the scheduled time is not an ISO-8601 instant"));
        }
    }
}
