package dev.securitywatch.notifier.service;

import java.time.Instant;

/**
 * Remembers which messages were delivered, so at-least-once input (SNS, EventBridge, Lambda retries) gives one Slack
 * message per key (port; DynamoDB in production).
 */
public interface DeliveryLedger {

    /** What a claim found. */
    enum Claim {
        /** This caller may deliver now. */
        CLAIMED,
        /** Delivered before: a duplicate. */
        ALREADY_DELIVERED,
        /**
         * Another delivery holds an unexpired claim (running now, or crashed mid-way). Not a duplicate: the caller
         * must fail so that a retry after the lease delivers it if that other delivery never finished.
         */
        IN_PROGRESS
    }

    /**
     * Claims the key for one delivery attempt.
     *
     * @throws LedgerUnavailableException when the ledger cannot answer
     */
    Claim claim(String key, Instant now);

    /** Marks the key delivered; it stays a duplicate until the ledger's retention ends. */
    void confirm(String key, Instant now);

    /** Gives the claim up after a failed delivery, so the retry can deliver. */
    void release(String key);

    /** The ledger could not be read or written. */
    class LedgerUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LedgerUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
