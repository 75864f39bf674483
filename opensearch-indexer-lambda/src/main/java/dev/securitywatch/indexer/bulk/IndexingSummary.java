package dev.securitywatch.indexer.bulk;

/**
 * What one indexing run did. {@code failed} counts documents that went to {@code security-events-failed}: they are
 * stored, but not as searchable events, and they raise an alarm.
 *
 * @param retries item retries after 429 or 5xx (a measure of back pressure)
 */
public record IndexingSummary(int indexed, int duplicates, int failed, int retries) {
    public static final IndexingSummary EMPTY = new IndexingSummary(0, 0, 0, 0);

    public IndexingSummary plus(IndexingSummary other) {
        return new IndexingSummary(indexed + other.indexed, duplicates + other.duplicates, failed + other.failed,
                retries + other.retries);
    }

    public int total() {
        return indexed + duplicates + failed;
    }

    /** The CLI's one-line output. */
    public String toJson() {
        return "{\"indexed\":" + indexed + ",\"duplicates\":" + duplicates + ",\"failed\":" + failed + "}";
    }
}
