package dev.securitywatch.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.notifier.alert.Alert;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackRoutesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SlackRoutes ROUTES = SlackRoutes.fromJson("""
            [{"channel": "C-PROD-CRIT", "accounts": ["111111111111"], "severities": ["CRITICAL", "HIGH"]},
             {"channel": "C-IAM", "categories": ["iam"]},
             {"channel": "C-ALL-CRIT", "severities": ["CRITICAL"]}]""", MAPPER);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "111111111111, iam, CRITICAL, C-PROD-CRIT",
            "111111111111, iam, MEDIUM, C-IAM",
            "222222222222, iam, HIGH, C-IAM",
            "222222222222, security-group, CRITICAL, C-ALL-CRIT",
            "222222222222, security-group, LOW, DEFAULT",
            "222222222222, , CRITICAL, C-ALL-CRIT",
            "222222222222, , LOW, DEFAULT"})
    void firstMatchingRouteWinsElseTheDefaultChannel(String account, String category, Severity severity,
                                                     String expected) {
        Alert alert = new Alert("k", Alert.Kind.CHANGE, severity, Alert.Tone.CHANGE, "h", "t",
                Optional.ofNullable(category), account, "us-east-1", List.of(), false, List.of(), List.of(),
                List.of(), List.of(), Alert.Subject.of("PutRolePolicy", Optional.empty()));
        assertThat(ROUTES.channelFor(alert).orElse("DEFAULT")).isEqualTo(expected);
    }

    @Test
    void theConfiguredDefaultChannelTakesWhatNoRouteClaims() {
        Alert low = new Alert("k", Alert.Kind.CHANGE, Severity.LOW, Alert.Tone.CHANGE, "h", "t", Optional.empty(),
                "222222222222", "us-east-1", List.of(), false, List.of(), List.of(), List.of(), List.of(),
                Alert.Subject.of("PutRolePolicy", Optional.empty()));
        Alert critical = new Alert("k", Alert.Kind.CHANGE, Severity.CRITICAL, Alert.Tone.CHANGE, "h", "t",
                Optional.empty(), "222222222222", "us-east-1", List.of(), false, List.of(), List.of(), List.of(),
                List.of(), Alert.Subject.of("PutRolePolicy", Optional.empty()));
        SlackRoutes routes = SlackRoutes.fromJson("[{\"channel\":\"C-CRIT\",\"severities\":[\"CRITICAL\"]}]",
                "C-CONTEXT-DEFAULT", MAPPER);

        assertThat(routes.channelFor(low)).contains("C-CONTEXT-DEFAULT");
        assertThat(routes.channelFor(critical)).contains("C-CRIT");
        assertThat(SlackRoutes.fromJson(null, " ", MAPPER).channelFor(low)).as("blank: the secret's default").isEmpty();
        assertThat(SlackRoutes.fromJson(null, "C-ONLY", MAPPER).channelFor(low)).contains("C-ONLY");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "[{\"accounts\":[\"1\"]}] => SLACK_ROUTES[0] needs a \"channel\"",
            "[{\"channel\":\"C\",\"account\":[\"1\"]}] => SLACK_ROUTES[0].account is unknown; expected",
            "[{\"channel\":\"C\",\"severities\":[\"URGENT\"]}] => SLACK_ROUTES[0].severities: unknown severity 'URGENT'",
            "[{\"channel\":\"C\",\"categories\":\"iam\"}] => SLACK_ROUTES[0].categories must be a list of strings"})
    void badRoutesAreNamed(String json, String message) {
        assertThatThrownBy(() -> SlackRoutes.fromJson(json, MAPPER)).hasMessageStartingWith(message);
    }
}
