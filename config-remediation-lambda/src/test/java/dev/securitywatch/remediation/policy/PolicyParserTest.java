package dev.securitywatch.remediation.policy;

import static dev.securitywatch.remediation.testing.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void absentKeysReproduceTheOriginalDesignInReportOnly() {
        RemediationPolicy policy = PolicyParser.parse(json("{\"securityAccount\": \"123456789012\"}"));
        assertThat(policy).isEqualTo(RemediationPolicy.defaults());
        assertThat(policy.mode()).isEqualTo(RemediationMode.REPORT_ONLY);
        assertThat(policy.allowList().required()).extracting(AllowListEntry::rule)
                .containsExactly(rule("tcp", 80, 80, "0.0.0.0/0"), rule("tcp", 443, 443, "0.0.0.0/0"));
        assertThat(PolicyParser.parse(null)).isEqualTo(RemediationPolicy.defaults());
    }

    @Test
    void readsEveryKey() {
        RemediationPolicy policy = PolicyParser.parse(json("""
                {"remediationMode": "enforce",
                 "ingressAllowList": [
                   {"protocol": "tcp", "fromPort": 443, "toPort": 443, "source": "0.0.0.0/0", "required": true,
                    "description": "HTTPS"},
                   {"protocol": "6", "fromPort": "22", "source": "10.0.0.0/8"},
                   {"protocol": "-1", "source": "sg-0123456789abcdef0"},
                   {"protocol": "tcp", "fromPort": 5432, "toPort": 5432, "source": "222222222222/sg-0abc"},
                   {"protocol": "tcp", "fromPort": 443, "toPort": 443, "source": "pl-63a5400a"},
                   {"protocol": "icmpv6", "fromPort": -1, "toPort": -1, "source": "::/0"}],
                 "exemptSecurityGroupIds": ["sg-0123456789abcdef0"],
                 "remediation": {"exemptTagKey": "team:exempt", "defaultGroupPolicy": "REVOKE_ONLY",
                                 "cloudFormationGroupPolicy": "ENFORCE", "revokeNonCidrSources": true}}
                """));
        assertThat(policy.mode()).isEqualTo(RemediationMode.ENFORCE);
        assertThat(policy.allowList().entries()).extracting(entry -> entry.rule().describe()).containsExactly(
                "tcp/443 from 0.0.0.0/0", "tcp/22 from 10.0.0.0/8", "all traffic from sg-0123456789abcdef0",
                "tcp/5432 from 222222222222/sg-0abc", "tcp/443 from pl-63a5400a", "icmpv6 from ::/0");
        assertThat(policy.allowList().required()).hasSize(1).first()
                .satisfies(entry -> assertThat(entry.description()).isEqualTo("HTTPS"));
        assertThat(policy.exemptGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(policy.exemptTagKey()).isEqualTo("team:exempt");
        assertThat(policy.defaultGroupPolicy()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(policy.cloudFormationGroupPolicy()).isEqualTo(RemediationMode.ENFORCE);
        assertThat(policy.revokeNonCidrSources()).isTrue();
    }

    @Test
    void acceptsTheInfraOnlyPeriodicFrequencyKey() {
        assertThat(PolicyParser.parse(json("{\"remediation\": {\"periodicFrequency\": \"TwentyFour_Hours\"}}")))
                .isEqualTo(RemediationPolicy.defaults());
    }

    @Test
    void aMemberAccountCanOverrideTheMode() {
        JsonNode context = json("""
                {"remediationMode": "REVOKE_ONLY",
                 "memberAccounts": [{"id": "111111111111", "name": "prod", "regions": ["us-east-1"]},
                                    {"id": "222222222222", "name": "sandbox", "remediationMode": "ENFORCE"},
                                    {"id": "333333333333", "remediationMode": "NEVER"}]}
                """);
        assertThat(PolicyParser.parse(context, "111111111111").mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(PolicyParser.parse(context, "222222222222").mode()).isEqualTo(RemediationMode.ENFORCE);
        assertThat(PolicyParser.parse(context, "999999999999").mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(PolicyParser.parse(context, null).mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThatThrownBy(() -> PolicyParser.parse(context, "333333333333")).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("memberAccounts[2].remediationMode: expected one of");
    }

    @Test
    void anEmptyAllowListAllowsNothing() {
        assertThat(PolicyParser.parse(json("{\"ingressAllowList\": []}")).allowList().entries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"remediationMode\": \"FIX_IT\"}                                  | remediationMode: expected one of REPORT_ONLY, REVOKE_ONLY, ENFORCE, got \"FIX_IT\"",
            "{\"remediationMode\": 3}                                           | remediationMode: expected one of",
            "{\"ingressAllowList\": {}}                                         | ingressAllowList: expected a JSON list",
            "{\"ingressAllowList\": [\"tcp/22\"]}                               | ingressAllowList[0]: expected a JSON object",
            "{\"ingressAllowList\": [{\"protocol\": \"gre\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].protocol: expected tcp, udp",
            "{\"ingressAllowList\": [{\"source\": \"10.0.0.0/8\"}]}             | ingressAllowList[0].protocol: is required",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: required for tcp and udp",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": \"https\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an integer 0-65535",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 90000, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an integer 0-65535",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"toPort\": 80, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0]: port range 443-80",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443}]} | ingressAllowList[0].source: is required",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"10.0.0.300/8\"}]} | ingressAllowList[0].source: expected an IPv4/IPv6 CIDR",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"10.0.0.0\"}]} | ingressAllowList[0].source: expected an IPv4/IPv6 CIDR",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"0.0.0.0/0\", \"requried\": true}]} | ingressAllowList[0].requried: unknown key",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"0.0.0.0/0\", \"required\": \"yes\"}]} | ingressAllowList[0].required: expected true or false",
            "{\"exemptSecurityGroupIds\": \"sg-1\"}                             | exemptSecurityGroupIds: expected a JSON list",
            "{\"exemptSecurityGroupIds\": [\"sg-1\", \"i-1\"]}                 | exemptSecurityGroupIds[1]: expected a security-group id",
            "{\"remediation\": []}                                              | remediation: expected a JSON object",
            "{\"remediation\": {\"mode\": \"ENFORCE\"}}                         | remediation.mode: unknown key",
            "{\"remediation\": {\"exemptTagKey\": \"\"}}                        | remediation.exemptTagKey: expected a tag key",
            "{\"remediation\": {\"defaultGroupPolicy\": \"NEVER\"}}             | remediation.defaultGroupPolicy: expected one of",
            "{\"remediation\": {\"cloudFormationGroupPolicy\": true}}           | remediation.cloudFormationGroupPolicy: expected one of",
            "{\"remediation\": {\"revokeNonCidrSources\": 1}}                   | remediation.revokeNonCidrSources: expected true or false",
            "[]                                                                 | context: expected a JSON object",
    })
    void rejectsInvalidSettingsWithOneLineNamingTheKey(String context, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(json(context)))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(message.trim())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
