package dev.securitywatch.notifier.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keys for messages that carry no id of their own: the same content is the same message. */
public final class DedupKeys {
    private DedupKeys() {
    }

    public static String envelope(String id, String content) {
        return id != null ? "eventbridge:" + id : content(content);
    }

    public static String content(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((content == null ? "" : content).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
