package dev.securitywatch.chat.delivery;

import java.time.Duration;

/**
 * Keeps posts to one destination (a Slack channel, a webhook, a Chatwork room) within its pace. Every request waits
 * for its turn here, and a 429 pushes the next turn back, so a burst slows down instead of spending its retries.
 */
public interface Pacer {
    /** No pacing: for tests of other behaviour and for one-off posts. */
    Pacer NONE = new Pacer() {
        @Override
        public boolean awaitTurn(String destination, Deadline deadline) {
            return true;
        }

        @Override
        public void slowDown(String destination, Duration wait) {
        }
    };

    /**
     * Waits for the destination's next turn and takes it.
     *
     * @param destination a printable name that holds no credential, e.g. "Slack channel C0123"
     * @return false, without waiting or taking a turn, when the turn comes after the deadline
     */
    boolean awaitTurn(String destination, Deadline deadline);

    /** The destination asked to wait (429 Retry-After): no turn starts before {@code wait} from now. */
    void slowDown(String destination, Duration wait);
}
