package dev.securitywatch.chat.format;

import java.util.regex.Pattern;

/**
 * Slack mrkdwn for text that comes from outside (events, findings, API answers). Escaping {@code & < >} is what
 * stops an event from injecting {@code <!channel>}, {@code <@U123>} or a {@code <url|disguised>} link; the word
 * joiner after {@code @} keeps a bare "@here" from ever being read as a mention.
 */
public final class Mrkdwn {
    private static final Pattern BARE_MENTION = Pattern.compile("@(channel|here|everyone)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String WORD_JOINER = "\u2060";
    /** Any line break Slack would render: CR, LF, CRLF, NEL, the Unicode line and paragraph separators. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    /** Looks like a backtick but cannot close a code span an event opened. */
    private static final char MODIFIER_GRAVE = '\u02CB';

    private Mrkdwn() {
    }

    /** Escapes untrusted text; null becomes the empty string. */
    public static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        String escaped = out.toString();
        return escaped.indexOf('@') < 0 ? escaped
                : BARE_MENTION.matcher(escaped).replaceAll("@" + WORD_JOINER + "$1");
    }

    /**
     * Untrusted text kept on one line: escaped, with every line break shown as {@code ⏎}. Text that could start a new
     * line could draw what looks like the message's own layout, a "*Actor*" field saying "Security team (verified)".
     */
    public static String inline(String text) {
        return escape(text == null ? null : LINE_BREAK.matcher(text).replaceAll(" ⏎ "));
    }

    /** Untrusted text as inline code: {@code `value`}. */
    public static String code(String text) {
        return "`" + escape(noBackticks(text)) + "`";
    }

    /** Untrusted text as a preformatted block; cut {@code text} to size before calling. */
    public static String codeBlock(String text) {
        return "```" + escape(noBackticks(text)) + "```";
    }

    /** Bold trusted or already escaped text. */
    public static String bold(String escapedText) {
        return "*" + escapedText + "*";
    }

    /**
     * A link. The URL is percent-encoded where mrkdwn would read it as syntax; the label is escaped, so neither can
     * break out of the {@code <url|label>} form.
     */
    public static String link(String url, String label) {
        String safeUrl = url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
                .replace("&", "&amp;");
        return "<" + safeUrl + "|" + escape(label).replace("|", "¦") + ">";
    }

    private static String noBackticks(String text) {
        return text == null ? "" : text.replace('`', MODIFIER_GRAVE);
    }
}
