package dev.securitywatch.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.config.Settings.OperationPreferences;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.config.Settings.StackSetDeployment;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.policy.RemediationMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextReaderTest {
    private static final Set<String> REGIONS = Set.of("us-east-1", "us-west-2", "ap-northeast-1", "ap-northeast-2",
            "eu-west-1");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static SecurityWatchConfig read(Map<String, Object> context) {
        return new ContextReader(context::get, REGIONS).read();
    }

    @Test
    void defaultCdkJsonReadsIntoTypedSettings() {
        SecurityWatchConfig config = read(DefaultContext.get());
        assertThat(config.securityAccount()).isEqualTo("123456789012");
        assertThat(config.centralRegion()).isEqualTo("ap-northeast-1");
        assertThat(config.organizationId()).isEmpty();
        assertThat(config.memberAccounts()).hasSize(2);
        assertThat(config.memberAccounts().get(0).regions())
                .containsExactly("us-east-1", "ap-northeast-2", "ap-northeast-1");
        assertThat(config.remediation().policy().mode()).isEqualTo(RemediationMode.REPORT_ONLY);
        assertThat(config.remediation().policy().allowList().entries()).hasSize(2).allMatch(AllowListEntry::required);
        assertThat(config.remediation().policy().exemptGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(config.remediation().periodicFrequency()).isEqualTo("TwentyFour_Hours");
        assertThat(config.hubMemberCheck().schedule()).isEqualTo("cron(00 11 ? * MON-FRI *)");
        assertThat(config.hubMemberCheck().timezone()).isEqualTo("Asia/Tokyo");
        assertThat(config.eventsLogRetentionDays()).isEqualTo(400);
        assertThat(config.accountNames()).containsEntry("111111111111", "prod")
                .containsEntry("123456789012", "security");
    }

    @Test
    void optionalSectionsFallBackToSafeDefaults() {
        Map<String, Object> minimal = new HashMap<>();
        minimal.put("securityAccount", "123456789012");
        minimal.put("centralRegion", "us-west-2");
        minimal.put("memberAccounts", List.of(Map.of("id", "111111111111", "name", "prod",
                "regions", List.of("us-east-1"))));
        minimal.put("slack", Map.of("secretName", "security-watch/slack"));
        SecurityWatchConfig config = read(minimal);
        assertThat(config.remediation().policy().mode()).isEqualTo(RemediationMode.REPORT_ONLY);
        assertThat(config.remediation().policy().allowList().entries()).extracting(entry -> entry.rule().fromPort())
                .containsExactly(80, 443);
        assertThat(config.hubMemberCheck().regions()).containsExactly("us-west-2");
        assertThat(config.openSearch().retentionDays()).isEqualTo(400);
        assertThat(config.centralBusName()).isEqualTo("security-watch");
    }

    @Test
    void valuesPassedWithDashCArriveAsStringsAndAreReadAsJson() {
        SecurityWatchConfig config = read(DefaultContext.withOverrides(Map.of(
                "memberAccounts", "[{\"id\":\"333333333333\",\"name\":\"sandbox\",\"regions\":[\"eu-west-1\"]}]",
                "eventsLogRetentionDays", 90, "organizationId", "o-a1b2c3d4e5")));
        assertThat(config.memberAccounts()).singleElement()
                .satisfies(m -> assertThat(m.regions()).containsExactly("eu-west-1"));
        assertThat(config.organizationId()).contains("o-a1b2c3d4e5");
    }

    @Test
    void alertFlowSettingsDefaultToASmallFixedPaceAndAcceptOverrides() {
        assertThat(read(DefaultContext.get()).alerts()).isEqualTo(Settings.Alerts.defaults());
        Settings.Alerts alerts = read(DefaultContext.withOverrides(Map.of("alerts", Map.of("batchSize", 200,
                "batchWindowSeconds", 30, "maxConcurrency", 4, "maxReceiveCount", 8, "groupThreshold", 5,
                "postsPerSecond", 0.5, "burst", 2, "threadHours", 72, "groupWindowMinutes", 60)))).alerts();
        assertThat(alerts).isEqualTo(new Settings.Alerts(false, false, 200, 30, 4, 8, 5, 0.5, 2,
                Settings.Suppress.NONE, 72, 60, List.of(), true, 90, List.of()));
        Settings.Alerts deployments = read(DefaultContext.withOverrides(Map.of("alerts", Map.of("deploymentRoles",
                List.of("cdk-hnb659fds-cfn-exec-role-*", "terraform"), "deploymentLowersSeverity", false)))).alerts();
        assertThat(deployments.deploymentRoles()).containsExactly("cdk-hnb659fds-cfn-exec-role-*", "terraform");
        assertThat(deployments.deploymentLowersSeverity()).isFalse();
        assertThat(read(DefaultContext.withOverrides(Map.of("alerts", Map.of("organizationAccounts",
                List.of("444444444444", "555555555555"))))).alerts().organizationAccounts())
                .containsExactly("444444444444", "555555555555");
        assertThat(read(DefaultContext.withOverrides(Map.of("alerts", Map.of("batchSize", 10,
                "batchWindowSeconds", 0)))).alerts().batchWindowSeconds()).as("small batches may skip the window")
                .isZero();
    }

    @Test
    void suppressionsAreReadByTheNotifiersOwnParserAndKeptAsWrittenForIt() {
        Map<String, Object> entry = Map.of("id", "terraform-tags", "match", Map.of("eventNames", List.of("CreateTags")),
                "action", "drop", "reason", "pipeline tags", "owner", "platform@example.com", "expires", "2027-03-31");
        Settings.Suppress suppress = read(DefaultContext.withOverrides(Map.of("alerts", Map.of(
                "suppress", List.of(entry), "digestSchedule", "cron(00 08 ? * FRI *)", "digestTimezone",
                "Europe/Berlin"))))
                .alerts().suppress();

        assertThat(suppress.entries().entries()).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo("terraform-tags"));
        assertThat(suppress.json().toString()).isEqualTo(MAPPER.valueToTree(List.of(entry)).toString());
        assertThat(suppress.digestSchedule()).isEqualTo("cron(00 08 ? * FRI *)");
        assertThat(suppress.digestTimezone()).isEqualTo("Europe/Berlin");
        assertThat(read(DefaultContext.get()).alerts().suppress()).isEqualTo(Settings.Suppress.NONE);
    }

    @Test
    void perAccountRemediationModeOverridesTheGlobalOne() {
        SecurityWatchConfig config = read(DefaultContext.withOverrides(Map.of("remediationMode", "ENFORCE")));
        assertThat(config.remediationModeFor(config.memberAccounts().get(0))).isEqualTo(RemediationMode.ENFORCE);
        assertThat(config.remediationModeFor(config.memberAccounts().get(1))).isEqualTo(RemediationMode.REPORT_ONLY);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "securityAccount        | `\"1234\"`                    | securityAccount: expected a 12-digit AWS account id in quotes, got \"1234\"",
            "securityAccount        | `123456789012`                | securityAccount: expected a 12-digit AWS account id in quotes, got 123456789012",
            "centralRegion          | `\"us-east1\"`                | centralRegion: expected a known AWS region such as us-east-1 or ap-northeast-1, got \"us-east1\"",
            "organizationId         | `\"org-1\"`                   | organizationId: expected an AWS Organizations id such as o-a1b2c3d4e5",
            "memberAccounts         | `[]`                          | memberAccounts: expected a list of",
            "memberAccounts         | `[{\"id\":\"111111111111\",\"name\":\"a\",\"regions\":[\"mars-1\"]}]` | memberAccounts[0].regions[0]: expected a known AWS region",
            "memberAccounts         | `[{\"id\":\"1\",\"name\":\"a\",\"regions\":[\"us-east-1\"]}]` | memberAccounts[0].id: expected a 12-digit AWS account id",
            "memberAccounts         | `[{\"id\":\"111111111111\",\"name\":\"a\",\"regions\":[]}]` | memberAccounts[0].regions: expected at least one region",
            "memberAccounts         | `[{\"id\":\"111111111111\",\"name\":\"a\",\"regions\":[\"us-east-1\"],\"mode\":1}]` | memberAccounts[0].mode: unknown setting",
            "memberAccounts         | `[{\"id\":\"111111111111\",\"name\":\"a\",\"regions\":[\"us-east-1\"]},{\"id\":\"111111111111\",\"name\":\"b\",\"regions\":[\"us-east-1\"]}]` | memberAccounts[1].id: account 111111111111 is listed twice",
            "remediationMode        | `\"FIX_EVERYTHING\"`          | remediationMode: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE], got \"FIX_EVERYTHING\"",
            "exemptSecurityGroupIds | `[\"sg-123\"]`                | exemptSecurityGroupIds[0]: expected a security group id such as sg-0123456789abcdef0, got \"sg-123\"",
            "exemptSecurityGroupIds | `[\"sg-0123456789ABCDEF0\"]`  | exemptSecurityGroupIds[0]: expected a security group id such as sg-0123456789abcdef0, got \"sg-0123456789ABCDEF0\"",
            "exemptSecurityGroupIds | `\"[\\\"sg-123\\\"]\"`      | exemptSecurityGroupIds[0]: expected a security group id such as sg-0123456789abcdef0, got \"sg-123\"",
            "memberAccounts         | `[{\"id\":\"111111111111\",\"name\":\"a\",\"regions\":[\"us-east-1\"],\"remediationMode\":\"enforce\"}]` | memberAccounts[0].remediationMode: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE], got \"enforce\"",
            "remediation            | `{\"periodicFrequency\":\"Daily\"}` | remediation.periodicFrequency: expected a Config frequency, one of [One_Hour",
            "remediation            | `{\"exemptTagKey\":\"team#exempt\"}` | remediation.exemptTagKey: expected a tag key",
            "remediation            | `{\"mode\":\"ENFORCE\"}`     | remediation.mode: unknown setting",
            "ingressAllowList       | `[{\"protocol\":\"tcp\",\"source\":\"0.0.0.0/0\"}]` | ingressAllowList[0].fromPort: required for tcp and udp",
            "ingressAllowList       | `[{\"protocol\":\"tcp\",\"fromPort\":22,\"source\":\"10.0.0.300/8\"}]` | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR",
            "ingressAllowList       | `[{\"protocol\":\"tcp\",\"fromPort\":22,\"source\":\"sg-0abc\"}]` | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group (sg-... or 123456789012/sg-...), got \"sg-0abc\"",
            "hubMemberCheck         | `{\"schedule\":\"0 11 * * 1-5\"}` | hubMemberCheck.schedule: expected cron(minutes hours day-of-month month day-of-week year)",
            "hubMemberCheck         | `{\"schedule\":\"cron(0 11 * * MON-FRI *)\"}` | hubMemberCheck.schedule: expected cron(minutes hours day-of-month month day-of-week year), e.g. cron(00 11 ? * MON-FRI *) with exactly one of",
            "hubMemberCheck         | `{\"schedule\":\"cron(0 11 ? * MON-FRI)\"}` | hubMemberCheck.schedule: expected cron(",
            "hubMemberCheck         | `{\"timezone\":\"Tokyo\"}`    | hubMemberCheck.timezone: expected an IANA time zone such as Asia/Tokyo, got Tokyo",
            "hubMemberCheck         | `{\"timezone\":\"+09:00\"}`   | hubMemberCheck.timezone: expected an IANA time zone such as Asia/Tokyo (not an offset)",
            "ingressAllowList       | `[{\"protocol\":\"tcp\",\"fromPort\":443,\"toPort\":80,\"source\":\"0.0.0.0/0\"}]` | ingressAllowList[0].toPort: expected a port at or above fromPort 443",
            "ingressAllowList       | `[{\"protocol\":\"tcp\",\"fromPort\":443,\"source\":\"everywhere\"}]` | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR",
            "ingressAllowList       | `[{\"protocol\":\"smtp\",\"fromPort\":25,\"source\":\"10.0.0.0/8\"}]` | ingressAllowList[0].protocol: expected tcp, udp, icmp, icmpv6, -1 or a protocol number",
            "slack                  | `{\"secretName\":\"https://hooks.slack.com/services/T0/B0/x\"}` | slack.secretName: the name of a Secrets Manager secret, not the webhook URL",
            "slack                  | `{\"secretName\":\"s\",\"routes\":[{\"channel\":\"C0123456789\",\"severities\":[\"URGENT\"]}]}` | slack.routes[0].severities[0]: expected one of [CRITICAL, HIGH, MEDIUM, LOW]",
            "slack                  | `{\"secretName\":\"s\",\"routes\":[{\"channel\":\"general\"}]}` | slack.routes[0].channel: expected a Slack channel id such as C0123456789",
            "slack                  | `{\"secretName\":\"s\",\"chanel\":\"C0123456789\"}` | slack.chanel: unknown setting",
            "slack                  | `{\"secretName\":\"s\",\"kmsKeyArn\":\"alias/slack\"}` | slack.kmsKeyArn: expected the ARN of the KMS key that encrypts the secret",
            "eventsLogRetentionDays | `42`                          | eventsLogRetentionDays: expected a CloudWatch Logs retention period, one of [1, 3, 5",
            "catalog                | `{\"enable\":[\"nope\"]}`     | catalog.enable[0]: unknown entry or category 'nope'",
            "alerts                 | `{\"muteAutomation\":\"yes\"}` | alerts.muteAutomation: expected true or false, got \"yes\"",
            "alerts                 | `{\"firstSeenDays\":-1}` | alerts.firstSeenDays: expected a whole number from 0 to 3650, got -1",
            "alerts                 | `{\"deploymentRoles\":[\"role/with/slash\"]}` | alerts.deploymentRoles[0]: expected an IAM role name, or a prefix ending in * (cdk-hnb659fds-cfn-exec-role-*), got \"role/with/slash\"",
            "alerts                 | `{\"organizationAccounts\":[\"4444\"]}` | alerts.organizationAccounts[0]: expected a 12-digit AWS account id in quotes, got \"4444\"",
            "alerts                 | `{\"organizationAccounts\":[444444444444]}` | alerts.organizationAccounts[0]: expected a 12-digit AWS account id in quotes, got 444444444444",
            "alerts                 | `{\"organizationAccounts\":[\"444444444444\",\"444444444444\"]}` | alerts.organizationAccounts[1]: account 444444444444 is listed twice",
            "alerts                 | `{\"organizationAccounts\":\"444444444444\"}` | alerts.organizationAccounts: expected a list",
            "alerts                 | `{\"batchSize\":0}`         | alerts.batchSize: expected a whole number from 1 to 10000, got 0",
            "alerts                 | `{\"batchSize\":100,\"batchWindowSeconds\":0}` | alerts.batchWindowSeconds: expected at least 1 second when alerts.batchSize is above 10",
            "alerts                 | `{\"batchWindowSeconds\":301}` | alerts.batchWindowSeconds: expected a whole number from 0 to 300, got 301",
            "alerts                 | `{\"maxConcurrency\":1}`    | alerts.maxConcurrency: expected a whole number from 2 to 1000, got 1",
            "alerts                 | `{\"maxReceiveCount\":0}`   | alerts.maxReceiveCount: expected a whole number from 1 to 1000, got 0",
            "alerts                 | `{\"groupThreshold\":0}`    | alerts.groupThreshold: expected a whole number from 1 to 1000, got 0",
            "alerts                 | `{\"threadHours\":200}`     | alerts.threadHours: expected a whole number from 1 to 168, got 200",
            "health                 | `{\"canaryMinutes\":2}`     | health.canaryMinutes: expected a whole number from 5 to 60, got 2",
            "health                 | `{\"floodEventsPer5Minutes\":5}` | health.floodEventsPer5Minutes: expected a whole number from 10 to 1000000, got 5",
            "health                 | `{\"emails\":[\"oncall\"]}`  | health.emails[0]: expected an email address",
            "alerts                 | `{\"postsPerSecond\":0}`    | alerts.postsPerSecond: expected a number of posts per second above 0 and at most 10, got 0",
            "alerts                 | `{\"postsPerSecond\":\"fast\"}` | alerts.postsPerSecond: expected a number of posts per second above 0 and at most 10, got \"fast\"",
            "alerts                 | `{\"burst\":0}`             | alerts.burst: expected a whole number from 1 to 20, got 0",
            "alerts                 | `{\"batchsize\":10}`        | alerts.batchsize: unknown setting",
            "alerts                 | `{\"suppress\":{}}`          | alerts.suppress: expected a list of suppressions",
            "alerts                 | `{\"suppress\":[{\"match\":{},\"action\":\"drop\",\"reason\":\"r\",\"owner\":\"o\",\"expires\":\"2027-01-01\"}]}` | alerts.suppress[0].match: needs at least one of",
            "alerts                 | `{\"suppress\":[{\"match\":{\"accounts\":[\"1\"]},\"action\":\"drop\",\"reason\":\"r\",\"owner\":\"o\",\"expires\":\"2027-01-01\"}]}` | alerts.suppress[0].match.accounts[0]: expected a 12-digit account id",
            "alerts                 | `{\"suppress\":[{\"match\":{\"eventNames\":[\"A\"]},\"action\":\"drop\",\"reason\":\"r\",\"owner\":\"o\"}]}` | alerts.suppress[0].expires: required",
            "alerts                 | `{\"digestSchedule\":\"weekly\"}` | alerts.digestSchedule: expected cron(",
            "alerts                 | `{\"digestTimezone\":\"JST\"}` | alerts.digestTimezone: expected an IANA time zone",
            "openSearch             | `{\"engineVersion\":\"Elasticsearch_7.10\"}` | openSearch.engineVersion: expected an OpenSearch 2.x engine",
            "openSearch             | `{\"vpcId\":\"vpc-0123456789abcdef0\"}` | openSearch.subnetIds: the private subnet ids of vpcId vpc-0123456789abcdef0",
            "openSearch             | `{\"subnetIds\":[\"subnet-0123456789abcdef0\"]}` | openSearch.vpcId: the VPC that the subnetIds belong to",
            "openSearch             | `{\"auditorRoleArns\":[\"Auditor\"]}` | openSearch.auditorRoleArns[0]: expected an IAM role ARN",
            "openSearch             | `{\"instanceCount\":3}` | openSearch.instanceCount: expected a multiple of the 2 availability zones the domain spans, got 3",
            "openSearch             | `{\"instanceCount\":2,\"vpcId\":\"vpc-0123456789abcdef0\",\"subnetIds\":[\"subnet-0123456789abcdef0\"]}` | openSearch.subnetIds: expected 2 or 3 subnets in different zones for a multi-node domain, got 1 subnet(s)",
            "memberAccounts         | `\"[not json\"`               | memberAccounts: expected valid JSON, got [not json"})
    void badValuesFailWithTheKeyAndTheExpectedForm(String key, String json, String message) throws Exception {
        Object value = MAPPER.readValue(json, Object.class);
        assertThatThrownBy(() -> read(DefaultContext.withOverrides(Map.of(key, value))))
                .isInstanceOf(ContextException.class)
                .hasMessageStartingWith(message.trim())
                .hasNoCause();
    }

    private static final String STACKSET = "{\"mode\":\"stackset\",\"administratorAccount\":\"999999999999\","
            + "\"organizationalUnits\":[\"ou-ab12-cdef3456\"],\"regions\":[\"us-east-1\",\"ap-northeast-1\"]";

    @Test
    void stackSetModeReadsTargetsRegionsAndOperationPreferencesWithDefaults() throws Exception {
        SecurityWatchConfig config = read(DefaultContext.withOverrides(Map.of("organizationId", "o-a1b2c3d4e5",
                "deployment", MAPPER.readValue(STACKSET + "}", Object.class))));
        assertThat(config.isStackSet()).isTrue();
        StackSetDeployment deployment = config.stackSet().orElseThrow();
        assertThat(deployment.administratorAccount()).isEqualTo("999999999999");
        assertThat(deployment.callAs()).isEqualTo("SELF");
        assertThat(deployment.organizationalUnits()).containsExactly("ou-ab12-cdef3456");
        assertThat(deployment.regions()).containsExactly("us-east-1", "ap-northeast-1");
        assertThat(deployment.retainStacksOnAccountRemoval()).isFalse();
        assertThat(deployment.preferences()).isEqualTo(OperationPreferences.DEFAULTS);

        SecurityWatchConfig tuned = read(DefaultContext.withOverrides(Map.of("organizationId", "o-a1b2c3d4e5",
                "memberAccounts", List.of(), "deployment", MAPPER.readValue(STACKSET
                        + ",\"callAs\":\"DELEGATED_ADMIN\",\"retainStacksOnAccountRemoval\":true,"
                        + "\"operationPreferences\":{\"maxConcurrentPercentage\":50,\"failureTolerancePercentage\":0,"
                        + "\"regionConcurrencyType\":\"SEQUENTIAL\",\"concurrencyMode\":\"STRICT_FAILURE_TOLERANCE\"}}",
                        Object.class))));
        assertThat(tuned.memberAccounts()).as("no per-account stacks at all is allowed in stackset mode").isEmpty();
        assertThat(tuned.stackSet().orElseThrow().callAs()).isEqualTo("DELEGATED_ADMIN");
        assertThat(tuned.stackSet().orElseThrow().retainStacksOnAccountRemoval()).isTrue();
        assertThat(tuned.stackSet().orElseThrow().preferences()).isEqualTo(
                new OperationPreferences(50, 0, "SEQUENTIAL", "STRICT_FAILURE_TOLERANCE"));
        assertThat(read(DefaultContext.withOverrides(Map.of("deployment", Map.of("mode", "stacks")))).isStackSet())
                .isFalse();
    }

    @Test
    void stackSetModeNeedsTheOrganizationId() throws Exception {
        assertThatThrownBy(() -> read(DefaultContext.withOverrides(Map.of(
                "deployment", MAPPER.readValue(STACKSET + "}", Object.class)))))
                .isInstanceOf(ContextException.class)
                .hasMessageStartingWith("organizationId: the organization's id (o-...): deployment.mode stackset");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`,\"organizationalUnits\":[]}` | deployment.organizationalUnits: expected at least one organizational unit id",
            "`,\"organizationalUnits\":[\"ou-cdef3456\"]}` | deployment.organizationalUnits[0]: expected an organizational unit id such as ou-ab12-cdef3456",
            "`,\"organizationalUnits\":[\"ab12-cdef3456\"]}` | deployment.organizationalUnits[0]: expected an organizational unit id",
            "`,\"regions\":[\"us-east-1\",\"mars-1\"]}` | deployment.regions[1]: expected a known AWS region",
            "`,\"regions\":[]}` | deployment.regions: expected each region the member side runs in, once",
            "`,\"regions\":[\"us-east-1\",\"us-east-1\"]}` | deployment.regions: expected each region the member side runs in, once",
            "`,\"callAs\":\"ADMIN\"}` | deployment.callAs: expected one of [SELF, DELEGATED_ADMIN]",
            "`,\"administratorAccount\":\"management\"}` | deployment.administratorAccount: expected the 12-digit id",
            "`,\"operationPreferences\":{\"maxConcurrentPercentage\":0}}` | deployment.operationPreferences.maxConcurrentPercentage: expected a whole number from 1 to 100",
            "`,\"operationPreferences\":{\"regionOrder\":[]}}` | deployment.operationPreferences.regionOrder: unknown setting",
            "`,\"mode\":\"stacksets\"}` | deployment.mode: expected one of [stacks, stackset]",
            "`,\"ou\":[]}` | deployment.ou: unknown setting"})
    void badStackSetSettingsFailWithTheKeyAndTheExpectedForm(String override, String message) throws Exception {
        // The override's keys replace the valid ones: a JSON object keeps the last of a repeated key.
        Object deployment = MAPPER.readValue(STACKSET + override, Object.class);
        assertThatThrownBy(() -> read(DefaultContext.withOverrides(Map.of("organizationId", "o-a1b2c3d4e5",
                "deployment", deployment))))
                .isInstanceOf(ContextException.class)
                .hasMessageStartingWith(message.trim())
                .hasNoCause();
    }

    @Test
    void remediationKeysAreReadByTheLambdasOwnParser() {
        SecurityWatchConfig config = read(DefaultContext.withOverrides(Map.of(
                "ingressAllowList", "[{\"protocol\":\"icmp\",\"fromPort\":8,\"toPort\":0,\"source\":\"10.0.0.0/8\"}]",
                "remediation", Map.of("periodicFrequency", "Six_Hours", "revokeNonCidrSources", "true"),
                "exemptSecurityGroupIds", List.of("sg-0abc1234", "sg-0123456789abcdef0"))));
        assertThat(config.remediation().policy().allowList().entries()).singleElement()
                .satisfies(entry -> assertThat(entry.rule().describe()).isEqualTo("icmp/8:0 from 10.0.0.0/8"));
        assertThat(config.remediation().policy().exemptGroupIds()).containsExactly("sg-0abc1234",
                "sg-0123456789abcdef0");
        assertThat(config.remediation().policy().revokeNonCidrSources()).isTrue();
        assertThat(config.remediation().periodicFrequency()).isEqualTo("Six_Hours");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        Map<String, Object> context = new HashMap<>(DefaultContext.get());
        context.remove("securityAccount");
        assertThatThrownBy(() -> read(context)).hasMessage(
                "securityAccount: expected a 12-digit AWS account id in quotes, got nothing");
        Map<String, Object> noSlack = new HashMap<>(DefaultContext.get());
        noSlack.remove("slack");
        assertThatThrownBy(() -> read(noSlack)).hasMessageStartingWith("slack: expected an object");
    }
}
