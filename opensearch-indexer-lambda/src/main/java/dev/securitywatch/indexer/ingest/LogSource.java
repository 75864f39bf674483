package dev.securitywatch.indexer.ingest;

import dev.securitywatch.event.transport.LogBatch;
import java.util.Objects;

/**
 * The one log group the indexer reads: the central bus's events log, in this account. Anything else that reaches the
 * Lambda (another subscription, a direct invoke) is not the audit trail, however much it looks like it.
 */
public record LogSource(String logGroup, String owner) {
    public LogSource {
        Objects.requireNonNull(logGroup, "logGroup");
        Objects.requireNonNull(owner, "owner");
    }

    public boolean produced(LogBatch batch) {
        return logGroup.equals(batch.logGroup()) && owner.equals(batch.owner());
    }
}
