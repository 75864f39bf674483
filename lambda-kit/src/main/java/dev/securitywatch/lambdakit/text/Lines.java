package dev.securitywatch.lambdakit.text;

/** Small helpers for the one-line messages logs and command lines show. */
public final class Lines {
    private Lines() {
    }

    /**
     * The text up to its first line break ({@code \n} or {@code \r}): exception messages often carry a stack or a
     * quoted document after it. Null becomes the empty string.
     */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
