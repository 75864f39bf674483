package dev.securitywatch.notifier.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Messages pinned as golden files under {@code src/test/resources/golden}. Regenerate after an intended change with
 * {@code -Dgolden.update=true} and read the diff as a Slack user would.
 */
public final class Golden {
    private static final Path DIR = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));

    private Golden() {
    }

    /** {@code actual} must equal the golden file {@code name}.json, written first when updating. */
    public static void assertMatches(String name, String actual) throws IOException {
        Path golden = DIR.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file; run with -Dgolden.update=true to create it").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
