package dev.securitywatch.notifier.service;

import dev.securitywatch.chat.delivery.SlackMessageRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Slack threads still open for later alerts to join (port): one per incident resource, and one per group whose
 * summary was posted, each until it expires. Bot-token mode only: webhook messages cannot be replied to.
 */
public interface ThreadStore {

    /** The thread under {@code key}, when there is one and it has not expired by {@code now}. */
    Optional<OpenThread> find(String key, Instant now);

    /** Keeps {@code thread} under {@code key} until {@code expires}, replacing what was there. */
    void save(String key, OpenThread thread, Instant expires);

    /**
     * A thread's parent message and what it has gathered.
     *
     * @param parent     where the parent landed
     * @param parentJson the parent as first posted, which a status update re-sends with a status line added
     * @param replies    alerts posted in the thread so far
     * @param openedAt   when the parent was posted
     */
    record OpenThread(SlackMessageRef parent, String parentJson, int replies, Instant openedAt) {
        public OpenThread {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(parentJson, "parentJson");
            Objects.requireNonNull(openedAt, "openedAt");
        }

        public OpenThread withMoreReplies(int more) {
            return new OpenThread(parent, parentJson, replies + more, openedAt);
        }
    }

    /** The store could not be read or written; the alert is then posted as a message of its own. */
    class ThreadStoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ThreadStoreUnavailableException(String message) {
            super(message);
        }
    }
}
