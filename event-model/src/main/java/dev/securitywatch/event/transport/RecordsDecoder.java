package dev.securitywatch.event.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.UnreadableMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code {"Records": [...]}} delivery: a Lambda SNS event, a Lambda SQS event, or a CloudTrail log file. Each record
 * is decoded by its own shape and keeps its id; a record of no known shape is kept as an unreadable message.
 */
public final class RecordsDecoder {
    private final EnvelopeParser parser;
    private final SnsDecoder sns;
    private final SqsDecoder sqs;

    public RecordsDecoder(EnvelopeParser parser) {
        this.parser = parser;
        this.sns = new SnsDecoder(parser);
        this.sqs = new SqsDecoder(parser);
    }

    public static boolean isRecords(JsonNode json) {
        return json.path("Records").isArray();
    }

    /** One delivered record per entry, in order; empty when {@code Records} is. */
    public List<DeliveredRecord> decode(JsonNode json) {
        List<DeliveredRecord> records = new ArrayList<>();
        int index = 0;
        for (JsonNode record : json.path("Records")) {
            if (SnsDecoder.isRecord(record)) {
                records.add(sns.record(record));
            } else if (SqsDecoder.isRecord(record)) {
                records.add(sqs.record(record));
            } else if (record.has("eventSource") && record.has("eventName")) {
                // A CloudTrail log file entry: its place in the file is its id.
                records.add(new DeliveredRecord(String.valueOf(index), Optional.empty(),
                        List.of(parser.wrapCloudTrail(record))));
            } else {
                records.add(new DeliveredRecord(null, Optional.empty(),
                        List.of(UnreadableMessage.unknownShape("record", record))));
            }
            index++;
        }
        return records;
    }
}
