package dev.securitywatch.chat.format;

/**
 * The characters left for a whole message. Each piece of text is cut to its own Block Kit limit and to what remains,
 * so the message stays under {@link SlackLimits#MESSAGE_TEXT} however large the event is. Not thread-safe: one per
 * message.
 */
public final class TextBudget {
    private int remaining;

    public TextBudget(int total) {
        this.remaining = total;
    }

    public static TextBudget forMessage() {
        return new TextBudget(SlackLimits.MESSAGE_TEXT);
    }

    /** {@code text} cut to {@code limit} and to the remaining budget, which it then uses up. */
    public String fit(String text, int limit) {
        String fitted = Truncation.cut(text, Math.min(limit, remaining));
        remaining -= fitted.length();
        return fitted;
    }

    /** Counts text that is already short (labels, fixed strings) without cutting it. */
    public String take(String text) {
        remaining -= text.length();
        return text;
    }

    public int remaining() {
        return remaining;
    }

    public boolean has(int characters) {
        return remaining >= characters;
    }
}
