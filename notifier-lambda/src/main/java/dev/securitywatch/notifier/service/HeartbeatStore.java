package dev.securitywatch.notifier.service;

import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.PathState;
import java.util.Collection;
import java.util.List;

/**
 * The last heartbeat of every path that ever sent one, and whether it has been reported silent (port; a DynamoDB
 * table in production). A path registers itself with its first heartbeat; a path that never sent one is the
 * coverage check's to find.
 */
public interface HeartbeatStore {

    /**
     * Records the newest heartbeat per path and kind of member: the path's last heartbeat and, for one the StackSet
     * sent, its last StackSet heartbeat. An older or equal time never moves either back, so duplicates and
     * out-of-order deliveries change nothing.
     *
     * @throws HeartbeatStoreUnavailableException when the store cannot be written
     */
    void record(Collection<Heartbeat> newest);

    /**
     * Every known path.
     *
     * @throws HeartbeatStoreUnavailableException when the store cannot be read
     */
    List<PathState> all();

    /** Notes that {@code path} was reported silent, so the next check does not report it again. */
    void markSilent(Heartbeat.Path path);

    /** Notes that {@code path} was reported recovered. */
    void markRecovered(Heartbeat.Path path);

    /** The store could not be read or written. */
    class HeartbeatStoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public HeartbeatStoreUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
