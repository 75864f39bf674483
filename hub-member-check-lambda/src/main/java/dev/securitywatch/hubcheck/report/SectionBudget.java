package dev.securitywatch.hubcheck.report;

import dev.securitywatch.chat.format.SlackLimits;
import dev.securitywatch.chat.format.TextBudget;
import java.util.List;

/**
 * How much of a list one Slack section shows. Slack caps a section at 3,000 characters and a message at 50 blocks,
 * and this project keeps a whole message under {@link SlackLimits#MESSAGE_TEXT}; the report has a fixed number of
 * sections, so each list is cut to its budget and ends with a count of what was left out. Counts in titles are
 * always complete.
 */
public record SectionBudget(int maxLines, int maxChars) {
    public static final SectionBudget DEFAULT = new SectionBudget(12, 1200);

    /** Room kept for the "…and N more" line. */
    private static final int OVERFLOW_LINE = 160;

    public SectionBudget {
        if (maxLines < 1 || maxChars < 2 * OVERFLOW_LINE || maxChars > SlackLimits.SECTION_TEXT - OVERFLOW_LINE) {
            throw new IllegalArgumentException("a section budget needs 1+ lines and " + 2 * OVERFLOW_LINE + ".."
                    + (SlackLimits.SECTION_TEXT - OVERFLOW_LINE) + " characters");
        }
    }

    /**
     * The title, then as many lines as fit this budget and what is left of the message's, then "…and N more" when
     * something was cut. Uses up the message budget by what it returns.
     */
    String fit(String title, List<String> lines, String overflowHint, TextBudget message) {
        int limit = Math.min(maxChars, message.remaining() - OVERFLOW_LINE);
        StringBuilder text = new StringBuilder(title);
        int shown = 0;
        for (String line : lines) {
            if (shown == maxLines || text.length() + line.length() + 1 > limit) {
                break;
            }
            text.append('\n').append(line);
            shown++;
        }
        if (shown < lines.size()) {
            text.append("\n_…and ").append(lines.size() - shown).append(" more").append(overflowHint).append("_");
        }
        return message.take(text.toString());
    }
}
