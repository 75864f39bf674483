package dev.securitywatch.event.transport;

import dev.securitywatch.event.InboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One record of a delivery, with the messages it carried, so that a handler can report an outcome per record: an SQS
 * batch response names the records to retry by their {@code messageId}.
 *
 * @param id       the transport's id for the record: SNS {@code MessageId}, SQS {@code messageId}, the CloudWatch Logs
 *                 event id, or the index of an entry in a CloudTrail log file; null when the transport gave none
 * @param sentAt   when the transport took the record (SNS {@code Timestamp}, SQS {@code SentTimestamp}, the log event's
 *                 timestamp); empty for a log-file entry or when not given
 * @param messages what the record carried: never empty, each an envelope or an unreadable message
 */
public record DeliveredRecord(String id, Optional<Instant> sentAt, List<InboundMessage> messages) {

    public DeliveredRecord {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a delivered record carries at least one message");
        }
    }
}
