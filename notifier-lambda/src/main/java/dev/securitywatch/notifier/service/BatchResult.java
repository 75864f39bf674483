package dev.securitywatch.notifier.service;

import java.util.List;

/**
 * What one batch did. {@code failures} non-empty means the invocation must fail so Lambda retries it; messages
 * delivered in this batch are in the ledger and will be duplicates on the retry.
 *
 * @param fallback          messages rendered with the fallback layout (unknown or unreadable input)
 * @param plainTextFallback messages Slack refused as blocks and took as plain text
 */
public record BatchResult(int messages, int delivered, int duplicates, int muted, int fallback, int throttled,
                          int plainTextFallback, List<String> failures) {
    public BatchResult {
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
