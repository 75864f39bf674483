package dev.securitywatch.notifier.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.event.transport.DeliveredRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bursts made from real corpus records: copies of one CloudTrail record with their own event ids and times, as one
 * tool's many calls look, each wrapped as the record of a batch.
 */
public final class Bursts {
    private Bursts() {
    }

    /** {@code count} distinct events from the corpus CloudTrail record at {@code path}, one second apart. */
    public static List<InboundMessage> variants(String path, int count) {
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(variant(path, i, "2026-11-20T10:00:00Z"));
        }
        return messages;
    }

    /** The corpus record at {@code path} as event number {@code i} of a burst starting at {@code start}. */
    public static InboundMessage variant(String path, int i, String start) {
        try {
            ObjectNode record = (ObjectNode) Rendering.MAPPER.readTree(AcceptanceData.text(path));
            record.put("eventID", UUID.nameUUIDFromBytes((path + "#" + i).getBytes()).toString());
            record.put("eventTime", java.time.Instant.parse(start).plusSeconds(i).toString());
            return Rendering.PARSER.parse(record).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each message as its own record of a batch, with ids {@code prefix-0}, {@code prefix-1}, ... */
    public static List<DeliveredRecord> records(String prefix, List<InboundMessage> messages) {
        List<DeliveredRecord> records = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            records.add(new DeliveredRecord(prefix + "-" + i, Optional.empty(), List.of(messages.get(i))));
        }
        return records;
    }
}
