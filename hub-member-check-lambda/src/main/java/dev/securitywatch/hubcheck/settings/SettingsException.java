package dev.securitywatch.hubcheck.settings;

/** A setting with a bad value; the message names the setting and the expected form. */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
