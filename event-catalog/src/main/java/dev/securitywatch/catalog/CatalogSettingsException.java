package dev.securitywatch.catalog;

/** A {@link CatalogSettings} value that names nothing in the catalog or contradicts itself. */
public class CatalogSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public CatalogSettingsException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The settings field at fault, e.g. {@code enable[1]}, so callers can name the full context key. */
    public String field() {
        return field;
    }
}
