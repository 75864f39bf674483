package dev.securitywatch.chat.secret;

/** The Slack secret is missing, unreadable or of the wrong shape. The message never contains a secret value. */
public class SecretFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretFormatException(String message) {
        super(message, null, false, false);
    }
}
