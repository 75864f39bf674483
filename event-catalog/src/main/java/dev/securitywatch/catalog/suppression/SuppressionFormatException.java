package dev.securitywatch.catalog.suppression;

/** A suppression list that cannot be read; the message starts with the field at fault, e.g. {@code [0].expires}. */
public final class SuppressionFormatException extends RuntimeException {
    private final String field;

    public SuppressionFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field, for callers that prefix their own path. */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
