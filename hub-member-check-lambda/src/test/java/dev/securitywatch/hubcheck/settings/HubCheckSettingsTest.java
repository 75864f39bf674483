package dev.securitywatch.hubcheck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.check.CheckSettings;
import dev.securitywatch.lambdakit.settings.SettingsException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubCheckSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsEveryVariableTheInfraSets() {
        HubCheckSettings environment = HubCheckSettings.from(Map.of(
                "SNAPSHOT_BUCKET", "security-watch-hub-snapshots",
                "SLACK_SECRET_ID", "arn:aws:secretsmanager:ap-northeast-1:999999999999:secret:sw/slack-AbC",
                "CENTRAL_REGION", "ap-northeast-1",
                "HUB_REGIONS", " us-east-1, ap-northeast-1 ,us-east-1,",
                "READ_ORGANIZATIONS", "FALSE",
                "REPORT_TIMEZONE", "Asia/Tokyo",
                "SLACK_DEFAULT_CHANNEL", "C0SECURITY",
                "ACCOUNT_NAMES", "{\"111111111111\": \"prod\"}",
                "SECURITY_ACCOUNT", "999999999999"), MAPPER);

        assertThat(environment.bucket()).isEqualTo("security-watch-hub-snapshots");
        assertThat(environment.slackSecretId()).endsWith(":secret:sw/slack-AbC");
        assertThat(environment.slackChannel()).contains("C0SECURITY");
        assertThat(environment.ownAccount()).contains("999999999999");
        assertThat(environment.settings()).isEqualTo(new CheckSettings(List.of("us-east-1", "ap-northeast-1"),
                "ap-northeast-1", false, ZoneId.of("Asia/Tokyo"), Map.of("111111111111", "prod")));
    }

    @Test
    void defaultsToTheLambdaRegionOrganizationsOnAndUtc() {
        HubCheckSettings environment = HubCheckSettings.from(Map.of("SNAPSHOT_BUCKET", "b",
                "SLACK_SECRET_ID", "s", "AWS_REGION", "eu-west-1", "ACCOUNT_NAMES", ""), MAPPER);
        CheckSettings settings = environment.settings();
        assertThat(environment.slackChannel()).as("the secret's default channel").isEmpty();

        assertThat(settings).isEqualTo(new CheckSettings(List.of("eu-west-1"), "eu-west-1", true,
                ZoneId.of("UTC"), Map.of()));
        assertThat(environment.stackSet()).as("stacks mode").isEmpty();
    }

    @Test
    void readsTheStackSetThisAccountAdministersOrWhyItCannotReadIt() {
        assertThat(HubCheckSettings.from(withStackSet("STACKSET_CALL_AS", "DELEGATED_ADMIN"), MAPPER).stackSet())
                .contains(new StackSetSettings.Readable("SecurityWatch-Member", "DELEGATED_ADMIN"));
        assertThat(HubCheckSettings.from(withStackSet("STACKSET_UNREADABLE", "administered from 111111111111"),
                MAPPER).stackSet())
                .contains(new StackSetSettings.NotReadable("SecurityWatch-Member", "administered from 111111111111"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "STACKSET_NAME=Security Watch;STACKSET_CALL_AS=SELF | STACKSET_NAME must be a StackSet name (a letter,"
                    + " then letters, digits and dashes), not 'Security Watch'",
            "STACKSET_NAME=SecurityWatch-Member;STACKSET_CALL_AS=ADMIN | STACKSET_CALL_AS must be SELF or"
                    + " DELEGATED_ADMIN, not 'ADMIN'",
            "STACKSET_NAME=SecurityWatch-Member | STACKSET_NAME needs exactly one of STACKSET_CALL_AS",
            "STACKSET_NAME=SecurityWatch-Member;STACKSET_CALL_AS=SELF;STACKSET_UNREADABLE=why | STACKSET_NAME needs"
                    + " exactly one of STACKSET_CALL_AS",
            "STACKSET_CALL_AS=SELF | STACKSET_CALL_AS is set without STACKSET_NAME, the StackSet it is about",
            "STACKSET_UNREADABLE=why | STACKSET_UNREADABLE is set without STACKSET_NAME, the StackSet it is about"})
    void aStackSetThatIsHalfConfiguredFailsTheColdStartNamingTheVariable(String variables, String message) {
        Map<String, String> env = new HashMap<>(Map.of("SNAPSHOT_BUCKET", "b", "SLACK_SECRET_ID", "s",
                "CENTRAL_REGION", "us-east-1"));
        for (String variable : variables.split(";")) {
            String[] pair = variable.split("=", 2);
            env.put(pair[0], pair[1]);
        }

        assertThatThrownBy(() -> HubCheckSettings.from(env, MAPPER))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(message);
    }

    private static Map<String, String> withStackSet(String variable, String value) {
        return Map.of("SNAPSHOT_BUCKET", "b", "SLACK_SECRET_ID", "s", "CENTRAL_REGION", "us-east-1",
                "STACKSET_NAME", "SecurityWatch-Member", variable, value);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "SNAPSHOT_BUCKET | '' | SNAPSHOT_BUCKET is not set",
            "SLACK_SECRET_ID | '' | SLACK_SECRET_ID is not set",
            "CENTRAL_REGION | Tokyo | CENTRAL_REGION must name AWS regions such as us-east-1, not 'Tokyo'",
            "HUB_REGIONS | us-east-1;eu-west-1 | HUB_REGIONS must name AWS regions such as us-east-1, not 'us-east-1;eu-west-1'",
            "HUB_REGIONS | ',,' | HUB_REGIONS must list regions, e.g. us-east-1,ap-northeast-1",
            "READ_ORGANIZATIONS | yes | READ_ORGANIZATIONS must be true or false, not 'yes'",
            "REPORT_TIMEZONE | JST+9 | REPORT_TIMEZONE must be an IANA time zone such as Asia/Tokyo, not 'JST+9'",
            "ACCOUNT_NAMES | {\"prod\": \"111111111111\"} | ACCOUNT_NAMES maps 12-digit account ids to names; 'prod' is not such an entry",
            "ACCOUNT_NAMES | {\"111111111111\": 1} | ACCOUNT_NAMES maps 12-digit account ids to names",
            "ACCOUNT_NAMES | {prod | ACCOUNT_NAMES is not valid JSON",
            "SECURITY_ACCOUNT | 99999 | SECURITY_ACCOUNT must be a 12-digit account id, not '99999'"})
    void aBadValueFailsTheColdStartNamingTheVariable(String variable, String value, String message) {
        Map<String, String> env = new HashMap<>(Map.of("SNAPSHOT_BUCKET", "b", "SLACK_SECRET_ID", "s",
                "CENTRAL_REGION", "us-east-1"));
        env.put(variable, value);

        assertThatThrownBy(() -> HubCheckSettings.from(env, MAPPER))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void needsSomeRegionToStartFrom() {
        assertThatThrownBy(() -> HubCheckSettings.from(Map.of("SNAPSHOT_BUCKET", "b", "SLACK_SECRET_ID", "s"),
                MAPPER)).isInstanceOf(SettingsException.class)
                .hasMessage("CENTRAL_REGION must name AWS regions such as us-east-1, not 'null'");
    }
}
