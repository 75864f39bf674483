package dev.securitywatch.notifier.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.format.Mrkdwn;
import dev.securitywatch.chat.format.Truncation;
import dev.securitywatch.notifier.alert.Alert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The status line a thread's parent gets when alerts join its thread: how many there are, and the latest in a few
 * words with its time, so the channel shows "remediated at 10:42:07" under the alert without opening the thread.
 */
public final class ThreadStatus {
    static final String BLOCK_ID = "security-watch-thread-status";
    private static final int LATEST_CHARS = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ThreadStatus() {
    }

    /**
     * The status line, e.g. "🧵 2 updates in the thread · latest 10:42:07 UTC: ✅ Security group remediated: ..." for
     * an incident, "🧵 40 more events in the thread · latest 10:44:10 UTC: MEDIUM · Security group change detected"
     * under a summary.
     */
    public static String line(int replies, boolean incident, Alert latest, Instant now) {
        Instant when = latest.subject().time().orElse(now);
        String mark = latest.kind() == Alert.Kind.REMEDIATION ? (latest.tone() == Alert.Tone.GOOD ? "✅ " : "")
                : latest.severity() + " · ";
        String what = incident ? (replies == 1 ? " update" : " updates") : (replies == 1 ? " more event"
                : " more events");
        return "🧵 *" + replies + what + " in the thread* · latest "
                + CLOCK.format(when) + " UTC: " + mark + Mrkdwn.escape(Truncation.cut(latest.headline(),
                LATEST_CHARS));
    }

    /**
     * The parent as first posted, with {@code statusLine} (mrkdwn, already escaped) as a context block under its
     * headline. The parent is always the first version, so the status replaces, never stacks.
     */
    public static SlackPayload withStatus(String parentJson, String statusLine) {
        try {
            ObjectNode parent = (ObjectNode) MAPPER.readTree(parentJson);
            ArrayNode blocks = parent.has("blocks") ? (ArrayNode) parent.get("blocks") : parent.putArray("blocks");
            ObjectNode context = blocks.addObject().put("type", "context").put("block_id", BLOCK_ID);
            context.putArray("elements").addObject().put("type", "mrkdwn").put("text", statusLine);
            return SlackPayload.of(parent.toString());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("the stored parent is not a Slack payload: " + e.getMessage());
        }
    }
}
