package dev.securitywatch.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One Slack message as the webhook body: {@code {"text": ..., "blocks": [...], "attachments": [...]}}. The same body
 * goes to {@code chat.postMessage} with a {@code channel} added.
 *
 * @param json the webhook body, a JSON object with a non-blank {@code text}
 * @param text the top-level text: what notifications show, and the plain-text fallback
 */
public record SlackPayload(String json, String text) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SlackPayload {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(text, "text");
    }

    /** Reads a webhook body; it must be a JSON object with a non-blank top-level {@code text}. */
    public static SlackPayload of(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Slack payload is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Slack payload must be a JSON object");
        }
        JsonNode text = root.path("text");
        if (!text.isTextual() || text.asText().isBlank()) {
            throw new IllegalArgumentException("Slack payload needs a non-blank top-level text");
        }
        return new SlackPayload(json, text.asText());
    }

    /** A message of only text, e.g. what is re-sent when Slack rejects the blocks. */
    public static SlackPayload plainText(String text) {
        return new SlackPayload(MAPPER.createObjectNode().put("text", text).toString(), text);
    }

    /** This message without blocks or attachments. */
    public SlackPayload asPlainText() {
        return plainText(text);
    }

    /** The body for {@code chat.postMessage}: this payload plus the channel. */
    public String jsonForChannel(String channel) {
        return withFields(body -> body.put("channel", channel));
    }

    /**
     * The body for a {@code chat.postMessage} reply in a thread.
     *
     * @param broadcast also show the reply in the channel ({@code reply_broadcast}), for what must not hide in a
     *                  thread
     */
    public String jsonForReply(String channel, String threadTs, boolean broadcast) {
        return withFields(body -> {
            body.put("channel", channel).put("thread_ts", threadTs);
            if (broadcast) {
                body.put("reply_broadcast", true);
            }
        });
    }

    /** The body for {@code chat.update}: this payload replaces the message {@code ts} in {@code channel}. */
    public String jsonForUpdate(String channel, String ts) {
        return withFields(body -> body.put("channel", channel).put("ts", ts));
    }

    private String withFields(Consumer<ObjectNode> fields) {
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(json);
            fields.accept(body);
            return body.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload was validated as JSON", e);
        }
    }
}
