package dev.securitywatch.lambdakit.settings;

/** A Lambda setting that is missing or malformed; the message names the environment variable. */
public final class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
