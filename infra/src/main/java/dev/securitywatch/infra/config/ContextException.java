package dev.securitywatch.infra.config;

/** A cdk.json context value that is missing or malformed. The message names the key and the expected form. */
public class ContextException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContextException(String key, String expected, Object actual) {
        super(key + ": expected " + expected + ", got " + describe(actual), null, false, false);
    }

    public ContextException(String key, String problem) {
        super(key + ": " + problem, null, false, false);
    }

    private static String describe(Object actual) {
        if (actual == null) {
            return "nothing";
        }
        String text = actual.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
