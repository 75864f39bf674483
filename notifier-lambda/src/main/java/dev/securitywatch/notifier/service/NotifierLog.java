package dev.securitywatch.notifier.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured JSON log lines in the Powertools Logging layout ({@code level}, {@code message}, {@code service},
 * {@code timestamp}, {@code cold_start}, {@code function_request_id}, plus the event's keys), one per outcome, on
 * stdout for CloudWatch Logs. Secrets never reach it: delivery errors carry only codes and destination names.
 */
public final class NotifierLog {
    static final String SERVICE = "security-watch-notifier";
    /** Raw content of unreadable messages is logged up to this size, so nothing is lost silently. */
    static final int MAX_RAW_LOGGED = 64_000;

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, String> invocation = new LinkedHashMap<>();

    public NotifierLog(ObjectMapper mapper, PrintStream out, Clock clock) {
        this.mapper = mapper;
        this.out = out;
        this.clock = clock;
    }

    /** Keys added to every line until the next call (request id, cold start). */
    public synchronized void startInvocation(Map<String, String> keys) {
        invocation.clear();
        invocation.putAll(keys);
    }

    void delivered(Alert alert, String sink, DeliveryReceipt receipt) {
        ObjectNode line = line("INFO", "delivered", alert);
        line.put("sink", sink).put("destination", receipt.destination()).put("attempts", receipt.attempts())
                .put("throttled", receipt.throttled()).put("plainTextFallback", receipt.plainTextFallback());
        if (receipt.plainTextFallback()) {
            line.put("level", "WARN").put("message", "delivered as plain text: Slack refused the blocks");
        }
        write(line);
    }

    void duplicate(Alert alert, String sink) {
        write(line("INFO", "duplicate: already delivered, not sent again", alert).put("sink", sink));
    }

    void inProgress(Alert alert, String sink) {
        write(line("WARN", "another delivery holds the claim; failing so that a retry after the lease delivers it"
                + " if that one never finished", alert).put("sink", sink));
    }

    void muted(Alert alert) {
        write(line("INFO", "muted: change made by Security Watch remediation (MUTE_AUTOMATION)", alert));
    }

    void fallback(Alert alert, String reason, String raw) {
        ObjectNode line = line("WARN", "rendered as fallback: " + reason, alert);
        line.put("raw", raw.length() <= MAX_RAW_LOGGED ? raw : raw.substring(0, MAX_RAW_LOGGED));
        write(line);
    }

    void failed(Alert alert, String sink, DeliveryException e) {
        write(line("ERROR", e.getMessage(), alert).put("sink", sink).put("errorCode", e.errorCode())
                .put("failure", e.kind().name()).put("attempts", e.attempts()).put("throttled", e.throttled()));
    }

    void ledgerUnavailable(Alert alert, String reason) {
        write(line("WARN", "dedup ledger unavailable, delivering without it: " + reason, alert));
    }

    void configurationError(String message) {
        write(base("ERROR", message));
    }

    private ObjectNode line(String level, String message, Alert alert) {
        ObjectNode line = base(level, message);
        line.put("eventKey", alert.dedupKey()).put("severity", alert.severity().name())
                .put("kind", alert.kind().name()).put("headline", alert.headline());
        if (alert.accountId() != null) {
            line.put("account", alert.accountId());
        }
        if (alert.region() != null) {
            line.put("region", alert.region());
        }
        return line;
    }

    private synchronized ObjectNode base(String level, String message) {
        ObjectNode line = mapper.createObjectNode();
        line.put("level", level).put("message", message).put("service", SERVICE)
                .put("timestamp", clock.instant().toString());
        invocation.forEach(line::put);
        return line;
    }

    private void write(ObjectNode line) {
        out.println(line);
    }
}
