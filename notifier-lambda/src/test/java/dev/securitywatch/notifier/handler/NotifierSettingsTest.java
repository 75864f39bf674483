package dev.securitywatch.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.notifier.health.Coverage;
import dev.securitywatch.notifier.render.RenderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifierSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void defaultsWhenNothingIsSet() {
        NotifierSettings config = NotifierSettings.fromEnvironment(Map.of(), MAPPER);

        assertThat(config.muteAutomation()).isFalse();
        assertThat(config.renderSettings().mentionOnCritical()).isFalse();
        assertThat(config.renderSettings().dashboardsUrl()).isEmpty();
        assertThat(config.dedupLease()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(14));
        assertThat(config.renderSettings().accounts().describe("1")).isEqualTo("1");
        assertThat(config.incidentWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(config.groupWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.organizationAccounts()).isEmpty();
    }

    @Test
    void readsEverySetting() {
        NotifierSettings config = NotifierSettings.fromEnvironment(Map.of("MUTE_AUTOMATION", "TRUE",
                "MENTION_ON_CRITICAL", "true", "DASHBOARDS_URL", "https://d.example.com",
                "ACCOUNT_NAMES", "{\"111111111111\":\"prod\"}", "CATALOG_SETTINGS", "{\"enable\":[\"console-sign-in\"]}",
                "SLACK_ROUTES", "[{\"channel\":\"C1\"}]", "DEDUP_LEASE_SECONDS", "120",
                "THREAD_HOURS", "72", "GROUP_WINDOW_MINUTES", "30",
                "OWN_KEYS", "[\"arn:aws:kms:us-east-1:111111111111:key/0b4a8c11-2f3e\"]"), MAPPER);

        assertThat(config.muteAutomation()).isTrue();
        assertThat(config.renderSettings().accounts().describe("111111111111")).isEqualTo("prod (111111111111)");
        assertThat(config.catalogSettings().enable()).containsExactly("console-sign-in");
        assertThat(config.dedupLease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.incidentWindow()).isEqualTo(Duration.ofHours(72));
        assertThat(config.groupWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.renderSettings().ownKeys())
                .containsExactly("arn:aws:kms:us-east-1:111111111111:key/0b4a8c11-2f3e");
        assertThat(config.renderSettings().deployments()).isEqualTo(RenderSettings.Deployments.DEFAULTS);
        assertThat(config.firstSeenWindow()).contains(Duration.ofDays(90));
        assertThat(NotifierSettings.fromEnvironment(Map.of("FIRST_SEEN_DAYS", "0"), MAPPER).firstSeenWindow())
                .as("0 turns the badge off").isEmpty();
        assertThat(NotifierSettings.fromEnvironment(Map.of("DEPLOYMENT_ROLES", "[\"deployer\"]",
                "DEPLOYMENT_LOWERS_SEVERITY", "false"), MAPPER).renderSettings().deployments())
                .isEqualTo(new RenderSettings.Deployments(List.of("deployer"), false));
        assertThat(NotifierSettings.fromEnvironment(Map.of("ORGANIZATION_ACCOUNTS",
                "[\"444444444444\", \"555555555555\"]"), MAPPER).organizationAccounts())
                .containsExactlyInAnyOrder("444444444444", "555555555555");
        assertThat(NotifierSettings.fromEnvironment(Map.of("STACKSET",
                "{\"name\":\"SecurityWatch-Member\",\"regions\":[\"us-east-1\",\"eu-west-1\"]}"), MAPPER)
                .configured().stackSet()).contains(new Coverage.StackSetTarget("SecurityWatch-Member",
                List.of("us-east-1", "eu-west-1")));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "MUTE_AUTOMATION=yes => MUTE_AUTOMATION must be true or false, got 'yes'",
            "DASHBOARDS_URL=http://d.example.com => DASHBOARDS_URL must start with https://",
            "ACCOUNT_NAMES=[1] => ACCOUNT_NAMES must be a JSON object of account id to name",
            "ACCOUNT_NAMES={\"1\":2} => ACCOUNT_NAMES.1 must be a string",
            "CATALOG_SETTINGS={x => CATALOG_SETTINGS is not JSON",
            "DEDUP_RETENTION_DAYS=0 => DEDUP_RETENTION_DAYS must be a positive whole number, got '0'",
            "GROUP_WINDOW_MINUTES=-5 => GROUP_WINDOW_MINUTES must be a positive whole number, got '-5'",
            "MEMBER_PATHS={\"prod\":[\"us-east-1\"]} => MEMBER_PATHS.prod must be a 12-digit account id with a list of regions",
            "SECURITY_ACCOUNT=12345 => SECURITY_ACCOUNT must be a 12-digit account id",
            "STACKSET={\"name\":\"SecurityWatch-Member\",\"regions\":[]} => STACKSET must be {\"name\": \"<StackSet name>\", \"regions\": [...]} with at least one region",
            "STACKSET={\"regions\":[\"us-east-1\"]} => STACKSET must be {\"name\": \"<StackSet name>\", \"regions\": [...]} with at least one region",
            "SLACK_ROUTES={} => SLACK_ROUTES must be a JSON list of routes",
            "OWN_KEYS={} => OWN_KEYS must be a JSON list of KMS key ARNs",
            "DEPLOYMENT_ROLES={} => DEPLOYMENT_ROLES must be a JSON list of role names",
            "ORGANIZATION_ACCOUNTS={} => ORGANIZATION_ACCOUNTS must be a JSON list of 12-digit account ids",
            "ORGANIZATION_ACCOUNTS=[444444444444] => ORGANIZATION_ACCOUNTS must list 12-digit account ids in quotes, got 444444444444",
            "ORGANIZATION_ACCOUNTS=[\"4444\"] => ORGANIZATION_ACCOUNTS must list 12-digit account ids in quotes, got \"4444\"",
            "FIRST_SEEN_DAYS=soon => FIRST_SEEN_DAYS must be a positive whole number, got 'soon'",
            "DEPLOYMENT_LOWERS_SEVERITY=maybe => DEPLOYMENT_LOWERS_SEVERITY must be true or false, got 'maybe'",
            "OWN_KEYS=[\"alias/x\"] => OWN_KEYS must list KMS key ARNs (arn:aws:kms:<region>:<account>:key/<id>), got \"alias/x\""})
    void badValuesNameTheVariable(String setting, String message) {
        String[] pair = setting.split("=", 2);
        assertThatThrownBy(() -> NotifierSettings.fromEnvironment(Map.of(pair[0], pair[1]), MAPPER))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
