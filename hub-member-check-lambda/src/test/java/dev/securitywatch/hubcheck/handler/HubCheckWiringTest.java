package dev.securitywatch.hubcheck.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.lambdakit.settings.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubCheckWiringTest {

    @Test
    void buildsEveryClientFromTheEnvironmentWithoutCallingAnything() {
        assertThat(HubCheckWiring.fromEnvironment(Map.of(
                "SNAPSHOT_BUCKET", "hub-snapshots",
                "SLACK_SECRET_ID", "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:sw-AbC",
                "CENTRAL_REGION", "ap-northeast-1",
                "HUB_REGIONS", "us-east-1,ap-northeast-1",
                "REPORT_TIMEZONE", "Asia/Tokyo"))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"STACKSET_CALL_AS, DELEGATED_ADMIN", "STACKSET_UNREADABLE, administered from 111111111111"})
    void buildsTheStackSetsSourceInStacksetModeWithoutCallingAnything(String variable, String value) {
        assertThat(HubCheckWiring.fromEnvironment(Map.of(
                "SNAPSHOT_BUCKET", "hub-snapshots",
                "SLACK_SECRET_ID", "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:sw-AbC",
                "CENTRAL_REGION", "ap-northeast-1",
                "STACKSET_NAME", "SecurityWatch-Member",
                variable, value))).isNotNull();
    }

    @Test
    void aBadEnvironmentFailsTheColdStartBeforeAnyClientIsBuilt() {
        assertThatThrownBy(() -> HubCheckWiring.fromEnvironment(Map.of("SLACK_SECRET_ID", "s",
                "CENTRAL_REGION", "ap-northeast-1")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNAPSHOT_BUCKET is not set");
    }
}
