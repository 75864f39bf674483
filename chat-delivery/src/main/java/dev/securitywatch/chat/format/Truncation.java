package dev.securitywatch.chat.format;

/** Cuts text to a limit with a visible marker, never mid-entity or mid-surrogate, and never with an error. */
public final class Truncation {
    private static final String SHORT_MARKER = "…";

    private Truncation() {
    }

    /** The marker that replaces what was cut. */
    public static String marker(int cutCharacters) {
        return "… (truncated, " + cutCharacters + " more characters)";
    }

    /**
     * {@code text} if it fits in {@code limit} characters, else a prefix followed by {@link #marker(int)}, the whole
     * no longer than {@code limit}. Limits too small for the marker get a bare ellipsis.
     */
    public static String cut(String text, int limit) {
        if (text == null) {
            return "";
        }
        if (text.length() <= limit) {
            return text;
        }
        if (limit <= 0) {
            return "";
        }
        int keep = limit - marker(text.length()).length();
        if (keep <= 0) {
            return limit >= SHORT_MARKER.length()
                    ? safePrefix(text, limit - SHORT_MARKER.length()) + SHORT_MARKER : "";
        }
        String prefix = safePrefix(text, keep);
        return prefix + marker(text.length() - prefix.length());
    }

    /** The first {@code length} characters, shortened so that no surrogate pair or {@code &amp;} entity is split. */
    static String safePrefix(String text, int length) {
        int end = Math.max(0, Math.min(length, text.length()));
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int ampersand = text.lastIndexOf('&', end - 1);
        if (ampersand >= 0 && end - ampersand < 6 && text.indexOf(';', ampersand) >= end) {
            end = ampersand;
        }
        return text.substring(0, end);
    }
}
