package dev.securitywatch.notifier.service;

import java.time.Instant;

/** When each (account, principal, action) was last seen (port; the dedup table in production, memory in the CLI). */
public interface FirstSeenStore {

    /**
     * Records that {@code key} is seen now, until {@code expires}, in one write, and says whether it was seen
     * before that write and not yet expired.
     *
     * @throws FirstSeenStoreUnavailableException when the store cannot be written
     */
    boolean seenBefore(String key, Instant now, Instant expires);

    /** The store could not be written. */
    class FirstSeenStoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FirstSeenStoreUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
