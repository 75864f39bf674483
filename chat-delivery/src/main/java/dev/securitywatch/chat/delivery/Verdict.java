package dev.securitywatch.chat.delivery;

/** How one answer from a chat service reads, after 429 and 5xx were handled generically. */
sealed interface Verdict {
    Verdict DELIVERED = new Delivered();

    record Delivered() implements Verdict {
    }

    /** Worth another attempt after backoff. */
    record Retry(String errorCode) implements Verdict {
    }

    /** Refused for good. */
    record Rejected(String errorCode) implements Verdict {
    }
}
