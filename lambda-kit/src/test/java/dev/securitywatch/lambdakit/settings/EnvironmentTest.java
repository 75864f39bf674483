package dev.securitywatch.lambdakit.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    private final Environment environment = new Environment(Map.of("REGION", " us-east-1 ", "BLANK", "  ",
            "COUNT", "x"));

    @Test
    void blankCountsAsUnset() {
        assertThat(environment.optional("BLANK")).isEmpty();
        assertThat(environment.optional("MISSING")).isEmpty();
        assertThat(environment.orDefault("BLANK", "fallback")).isEqualTo("fallback");
    }

    @Test
    void valuesAreTrimmed() {
        assertThat(environment.required("REGION")).isEqualTo("us-east-1");
    }

    @Test
    void aMissingRequiredVariableIsNamed() {
        assertThatThrownBy(() -> environment.required("SLACK_SECRET_ARN"))
                .isInstanceOf(SettingsException.class).hasMessage("SLACK_SECRET_ARN is not set");
    }

    @Test
    void aParseFailureNamesTheVariable() {
        assertThatThrownBy(() -> environment.parsed("COUNT", Integer::parseInt, 1))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("COUNT: ");
        assertThat(environment.parsed("MISSING", Integer::parseInt, 7)).isEqualTo(7);
    }
}
