package dev.securitywatch.lambdakit.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    private Map<String, String> withFile(String json, Map<String, String> environment) throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), json);
        Map<String, String> env = new HashMap<>(environment);
        env.put(SettingsFile.VARIABLE, file.toString());
        return SettingsFile.withFile(env);
    }

    @Test
    void theFilesSettingsJoinTheEnvironmentUnderTheirNames() throws IOException {
        assertThat(withFile("{\"MEMBER_PATHS\": \"{\\\"111111111111\\\": [\\\"us-east-1\\\"]}\"}",
                Map.of("SECURITY_ACCOUNT", "123456789012")))
                .containsEntry("MEMBER_PATHS", "{\"111111111111\": [\"us-east-1\"]}")
                .containsEntry("SECURITY_ACCOUNT", "123456789012");
    }

    @Test
    void withoutTheVariableTheEnvironmentIsAllThereIs() {
        Map<String, String> environment = Map.of("SECURITY_ACCOUNT", "123456789012");

        assertThat(SettingsFile.withFile(environment)).isSameAs(environment);
    }

    @Test
    void aNameInBothPlacesIsAnError() {
        assertThatThrownBy(() -> withFile("{\"ACCOUNT_NAMES\": \"{}\"}", Map.of("ACCOUNT_NAMES", "{}")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("ACCOUNT_NAMES is set both in the environment and in ");
    }

    @Test
    void aValueThatIsNotTextOrAnUnreadableFileIsNamed() {
        assertThatThrownBy(() -> withFile("{\"CANARY_MINUTES\": 15}", Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("CANARY_MINUTES in ");
        assertThatThrownBy(() -> withFile("[]", Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageEndingWith("must hold a JSON object of name to text");
        assertThatThrownBy(() -> SettingsFile.withFile(Map.of(SettingsFile.VARIABLE, "/nonexistent/settings.json")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SETTINGS_FILE: cannot read ");
    }
}
