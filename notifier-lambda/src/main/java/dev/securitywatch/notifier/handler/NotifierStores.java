package dev.securitywatch.notifier.handler;

import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.dedup.InMemoryHeartbeatStore;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.dedup.InMemoryThreadStore;
import dev.securitywatch.notifier.service.DeliveryLedger;
import dev.securitywatch.notifier.service.FirstSeenStore;
import dev.securitywatch.notifier.service.HeartbeatStore;
import dev.securitywatch.notifier.service.SuppressionTally;
import dev.securitywatch.notifier.service.ThreadStore;
import dev.securitywatch.notifier.bucket.InMemoryCoverageReports;
import dev.securitywatch.notifier.service.CoverageReports;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the notifier keeps state: DynamoDB (and the membership watch's bucket for coverage) in the Lambda, memory in
 * the CLI and the benchmarks.
 */
public record NotifierStores(DeliveryLedger ledger, SuppressionTally tally, ThreadStore threads,
                             HeartbeatStore heartbeats, CoverageReports coverage, FirstSeenStore firstSeen) {
    public NotifierStores {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(heartbeats, "heartbeats");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    /**
     * One process has no history to say what is new in 90 days: it never claims a first, so the CLI and the
     * benchmarks show no first-seen badge.
     */
    public static boolean noHistory(String key, Instant now, Instant expires) {
        return true;
    }

    /** Everything in memory, for one process; the coverage check sees no organization. */
    public static NotifierStores inMemory() {
        return new NotifierStores(new InMemoryDeliveryLedger(), new InMemorySuppressionTally(),
                new InMemoryThreadStore(), new InMemoryHeartbeatStore(), new InMemoryCoverageReports(Optional.empty()),
                NotifierStores::noHistory);
    }
}
