package dev.securitywatch.notifier.dedup;

import dev.securitywatch.notifier.service.DeliveryLedger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A ledger for one process (the CLI's {@code send}): duplicates within the run are sent once. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {
    private final Map<String, Boolean> deliveredByKey = new HashMap<>();

    @Override
    public synchronized Claim claim(String key, Instant now) {
        Boolean delivered = deliveredByKey.putIfAbsent(key, false);
        if (delivered == null) {
            return Claim.CLAIMED;
        }
        return delivered ? Claim.ALREADY_DELIVERED : Claim.IN_PROGRESS;
    }

    @Override
    public synchronized void confirm(String key, Instant now) {
        deliveredByKey.put(key, true);
    }

    @Override
    public synchronized void release(String key) {
        deliveredByKey.remove(key, false);
    }
}
