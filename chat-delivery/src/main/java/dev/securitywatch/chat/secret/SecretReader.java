package dev.securitywatch.chat.secret;

/** Reads a secret's string value (port; Secrets Manager in production). */
@FunctionalInterface
public interface SecretReader {
    /** @throws SecretFormatException when the secret cannot be read; the message names the secret, not its value */
    String read(String secretId);
}
