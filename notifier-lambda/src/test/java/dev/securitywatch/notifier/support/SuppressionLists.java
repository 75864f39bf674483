package dev.securitywatch.notifier.support;

import dev.securitywatch.catalog.suppression.Suppressions;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code alerts.suppress} lists written in tests with single quotes, read by the real parser. */
public final class SuppressionLists {
    /** The actor of the corpus security-group events the tests burst. */
    public static final String TEST_ADMIN = "arn:aws:sts::112233445566:assumed-role/TestAdmin";

    private SuppressionLists() {
    }

    public static Suppressions of(String json) {
        try {
            return Suppressions.fromJson(Rendering.MAPPER.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry with this id, match and action, owned by the platform team until the end of 2099. */
    public static String entry(String id, String match, String action) {
        return "{'id': '" + id + "', 'match': " + match + ", 'action': '" + action + "', 'reason': 'platform"
                + " pipeline', 'owner': 'platform@example.com', 'expires': '2099-12-31'}";
    }
}
