package dev.securitywatch.notifier.service;

import java.time.Instant;
import java.util.Map;

/**
 * Counts what each suppression hid, per ISO week, for the weekly digest (port; the dedup table in production).
 * Counting is best effort: a tally that cannot be written never holds an alert back.
 */
public interface SuppressionTally {

    /**
     * Adds one invocation's counts to the week {@code now} falls in.
     *
     * @param hidden per suppression id, per event name, how many events it hid
     * @throws TallyUnavailableException when the store cannot be written
     */
    void add(Map<String, Map<String, Integer>> hidden, Instant now);

    /**
     * What one suppression hid in a week, per event name; empty when it hid nothing.
     *
     * @param week an ISO week such as {@code 2026-W49} (see {@code Weeks})
     * @throws TallyUnavailableException when the store cannot be read
     */
    Map<String, Integer> hidden(String suppressionId, String week);

    /** The tally could not be read or written. */
    class TallyUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TallyUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
