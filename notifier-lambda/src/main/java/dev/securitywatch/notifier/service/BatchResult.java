package dev.securitywatch.notifier.service;

import java.util.List;

/**
 * What one batch did.
 *
 * @param events            events (messages) the batch carried
 * @param posts             messages posted: one per single alert, one per summary
 * @param delivered         events delivered (a summary delivers all its members)
 * @param suppressed        events an {@code alerts.suppress} entry dropped (summary-only and downgraded ones are
 *                          delivered, and counted there)
 * @param fallback          events rendered with the fallback layout (unknown or unreadable input)
 * @param plainTextFallback posts Slack refused as blocks and took as plain text
 * @param requeued          events left for a later delivery without an error: another invocation held the claim,
 *                          or Slack's pace left no time in this invocation
 * @param failures          what failed, one line per event and sink, no secrets
 * @param retryRecords      the transport ids of the records to deliver again (an SQS batch response's
 *                          {@code batchItemFailures}); a record is retried when any of its events was not delivered
 */
public record BatchResult(int events, int posts, int delivered, int duplicates, int muted, int suppressed,
                          int fallback, int throttled, int plainTextFallback, int requeued, List<String> failures,
                          List<String> retryRecords) {
    public BatchResult {
        failures = List.copyOf(failures);
        retryRecords = List.copyOf(retryRecords);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
