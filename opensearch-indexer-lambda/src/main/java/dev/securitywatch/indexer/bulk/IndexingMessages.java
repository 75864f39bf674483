package dev.securitywatch.indexer.bulk;

import dev.securitywatch.indexer.bulk.DocumentStore.ItemOutcome;

/** Error texts for runs that fail: they name the count and the cluster's reason, never document content. */
final class IndexingMessages {
    private IndexingMessages() {
    }

    static String stillRefused(int count, int attempts, ItemOutcome last) {
        return count + " document(s) still refused after " + attempts + " attempts (last: HTTP " + last.status()
                + " " + last.errorType() + ")";
    }

    static String failedIndexRefused(int count, ItemOutcome first) {
        return "the failed-documents index refused " + count + " document(s): HTTP " + first.status() + " "
                + first.errorType() + ": " + first.errorReason();
    }
}
