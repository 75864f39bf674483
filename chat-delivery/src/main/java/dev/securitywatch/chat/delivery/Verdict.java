package dev.securitywatch.chat.delivery;

import java.util.Optional;

/** How one answer from a chat service reads, after 429 and 5xx were handled generically. */
sealed interface Verdict {
    Verdict DELIVERED = new Delivered(Optional.empty());

    /** @param message where it landed, when the service says (Slack's Web API) */
    record Delivered(Optional<SlackMessageRef> message) implements Verdict {
    }

    /** Worth another attempt after backoff. */
    record Retry(String errorCode) implements Verdict {
    }

    /** Refused for good. */
    record Rejected(String errorCode) implements Verdict {
    }
}
