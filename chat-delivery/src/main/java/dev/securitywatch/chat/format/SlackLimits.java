package dev.securitywatch.chat.format;

/** Slack's documented Block Kit and message limits. Exceeding any of them makes Slack reject the whole message. */
public final class SlackLimits {
    public static final int MAX_BLOCKS = 50;
    public static final int SECTION_TEXT = 3_000;
    public static final int SECTION_FIELDS = 10;
    public static final int FIELD_TEXT = 2_000;
    public static final int HEADER_TEXT = 150;
    public static final int CONTEXT_ELEMENTS = 10;
    public static final int BUTTON_TEXT = 75;
    public static final int BUTTON_URL = 3_000;
    public static final int ACTIONS_ELEMENTS = 25;
    /** The top-level {@code text}; Slack truncates beyond 40,000, notifications show far less. */
    public static final int TOP_LEVEL_TEXT = 3_000;
    /** Total visible characters this project allows per message: well inside what Slack renders without "show more". */
    public static final int MESSAGE_TEXT = 12_000;

    private SlackLimits() {
    }
}
