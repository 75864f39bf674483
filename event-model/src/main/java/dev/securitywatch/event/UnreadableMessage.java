package dev.securitywatch.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A message that is not an event we understand. It is kept whole so that callers can still deliver or index it
 * as raw text: nothing is dropped silently.
 *
 * @param raw    the message as received
 * @param reason why it could not be read, for logs and fallback messages
 */
public record UnreadableMessage(String raw, String reason) implements InboundMessage {

    /** The JSON kept as its compact text. */
    public static UnreadableMessage of(JsonNode node, String reason) {
        return new UnreadableMessage(node.toString(), reason);
    }

    /** "unknown {what} shape (fields: a, b, ...)": names the first fields, so a log shows what arrived. */
    public static UnreadableMessage unknownShape(String what, JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        String fields = names.size() > 8 ? String.join(", ", names.subList(0, 8)) + ", ..." : String.join(", ", names);
        return of(node, "unknown " + what + " shape (fields: " + fields + ")");
    }
}
