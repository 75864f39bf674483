package dev.securitywatch.remediation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.remediation.rule.RuleSource;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.Map;
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
        assertThat(PolicyParser.parseContext(json("{\"remediationMode\": null, \"ingressAllowList\": null}")))
                .isEqualTo(RemediationContext.defaults());
        assertThat(RemediationContext.defaults().periodicFrequency()).isEqualTo("TwentyFour_Hours");
    }

    @Test
    void readsEveryKey() {
        RemediationContext context = PolicyParser.parseContext(json("""
                {"remediationMode": "ENFORCE",
                 "ingressAllowList": [
                   {"protocol": "tcp", "fromPort": 443, "toPort": 443, "source": "0.0.0.0/0", "required": true,
                    "description": "HTTPS"},
                   {"protocol": "6", "fromPort": "22", "source": "10.0.0.0/8"},
                   {"protocol": "-1", "source": "sg-0123456789abcdef0"},
                   {"protocol": "tcp", "fromPort": 5432, "toPort": 5432, "source": "222222222222/sg-0abc1234"},
                   {"protocol": "tcp", "fromPort": 443, "toPort": 443, "source": "pl-63a5400a"},
                   {"protocol": "icmpv6", "fromPort": -1, "toPort": -1, "source": "::/0"},
                   {"protocol": "icmp", "fromPort": 8, "toPort": 0, "source": "10.0.0.0/8"}],
                 "exemptSecurityGroupIds": ["sg-0123456789abcdef0", "sg-0abc1234"],
                 "remediation": {"exemptTagKey": "team:exempt", "defaultGroupPolicy": "REVOKE_ONLY",
                                 "cloudFormationGroupPolicy": "ENFORCE", "revokeNonCidrSources": true,
                                 "periodicFrequency": "Six_Hours"}}
                """));
        RemediationPolicy policy = context.policy();
        assertThat(policy.mode()).isEqualTo(RemediationMode.ENFORCE);
        assertThat(policy.allowList().entries()).extracting(entry -> entry.rule().describe()).containsExactly(
                "tcp/443 from 0.0.0.0/0", "tcp/22 from 10.0.0.0/8", "all traffic from sg-0123456789abcdef0",
                "tcp/5432 from 222222222222/sg-0abc1234", "tcp/443 from pl-63a5400a", "icmpv6 from ::/0",
                "icmp/8:0 from 10.0.0.0/8");
        assertThat(policy.allowList().required()).hasSize(1).first()
                .satisfies(entry -> assertThat(entry.description()).isEqualTo("HTTPS"));
        assertThat(policy.exemptGroupIds()).containsExactly("sg-0123456789abcdef0", "sg-0abc1234");
        assertThat(policy.exemptTagKey()).isEqualTo("team:exempt");
        assertThat(policy.defaultGroupPolicy()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(policy.cloudFormationGroupPolicy()).isEqualTo(RemediationMode.ENFORCE);
        assertThat(policy.revokeNonCidrSources()).isTrue();
        assertThat(context.periodicFrequency()).isEqualTo("Six_Hours");
    }

    @Test
    void theConfigRulesPeriodicFrequencyIsNotPartOfTheLambdasPolicy() {
        assertThat(PolicyParser.parse(json("{\"remediation\": {\"periodicFrequency\": \"TwentyFour_Hours\"}}")))
                .isEqualTo(RemediationPolicy.defaults());
    }

    @Test
    void aMemberAccountCanOverrideTheMode() {
        JsonNode context = json("""
                {"remediationMode": "REVOKE_ONLY",
                 "memberAccounts": [{"id": "111111111111", "name": "prod", "regions": ["us-east-1"]},
                                    {"id": "222222222222", "name": "sandbox", "remediationMode": "ENFORCE"},
                                    {"id": "333333333333", "remediationMode": null}]}
                """);
        assertThat(PolicyParser.parseContext(context).accountModes())
                .isEqualTo(Map.of("222222222222", RemediationMode.ENFORCE));
        assertThat(PolicyParser.parse(context, "111111111111").mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(PolicyParser.parse(context, "222222222222").mode()).isEqualTo(RemediationMode.ENFORCE);
        assertThat(PolicyParser.parse(context, "999999999999").mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
        assertThat(PolicyParser.parse(context, null).mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
    }

    @Test
    void everyMemberAccountsModeIsCheckedNotOnlyTheOneAskedFor() {
        JsonNode context = json("""
                {"memberAccounts": [{"id": "111111111111"}, {"id": "333333333333", "remediationMode": "NEVER"}]}
                """);
        assertThatThrownBy(() -> PolicyParser.parse(context, "111111111111")).isInstanceOf(PolicyException.class)
                .hasMessage("memberAccounts[1].remediationMode: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE],"
                        + " got \"NEVER\"");
    }

    @Test
    void anEmptyAllowListAllowsNothing() {
        assertThat(PolicyParser.parse(json("{\"ingressAllowList\": []}")).allowList().entries()).isEmpty();
    }

    @Test
    void theKeyAndTheProblemAreKeptApart() {
        PolicyException e = (PolicyException) org.assertj.core.api.Assertions.catchThrowable(() ->
                PolicyParser.parse(json("{\"remediation\": {\"exemptTagKey\": \"\"}}")));
        assertThat(e.key()).isEqualTo("remediation.exemptTagKey");
        assertThat(e.getMessage()).isEqualTo(e.key() + ": " + e.problem());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"remediationMode\": \"FIX_IT\"}                                  | remediationMode: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE], got \"FIX_IT\"",
            "{\"remediationMode\": \"enforce\"}                                 | remediationMode: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE], got \"enforce\"",
            "{\"remediationMode\": 3}                                           | remediationMode: expected one of",
            "{\"ingressAllowList\": {}}                                         | ingressAllowList: expected a list of {protocol, fromPort, toPort, source, required, description}, got {}",
            "{\"ingressAllowList\": [\"tcp/22\"]}                               | ingressAllowList[0]: expected an object, got \"tcp/22\"",
            "{\"ingressAllowList\": [{\"protocol\": \"gre\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].protocol: expected tcp, udp, icmp, icmpv6, -1 or a protocol number 0-255, got \"gre\"",
            "{\"ingressAllowList\": [{\"protocol\": \"256\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].protocol: expected tcp, udp",
            "{\"ingressAllowList\": [{\"source\": \"10.0.0.0/8\"}]}             | ingressAllowList[0].protocol: expected tcp, udp, icmp, icmpv6, -1 or a protocol number 0-255, got nothing",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: required for tcp and udp (an integer 0-65535)",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": \"https\", \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an integer 0-65535, got \"https\"",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 90000, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an integer 0-65535, got 90000",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": -1, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an integer 0-65535, got -1",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 22.5, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an integer 0-65535, got 22.5",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"toPort\": 80, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].toPort: expected a port at or above fromPort 443, got 80",
            "{\"ingressAllowList\": [{\"protocol\": \"icmp\", \"fromPort\": 300, \"source\": \"10.0.0.0/8\"}]} | ingressAllowList[0].fromPort: expected an icmp type or code 0-255, or -1 for any, got 300",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443}]} | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group (sg-... or 123456789012/sg-...), got nothing",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"10.0.0.300/8\"}]} | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group (sg-... or 123456789012/sg-...), got \"10.0.0.300/8\" (",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"10.0.0.0\"}]} | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"sg-0abc\"}]} | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group (sg-... or 123456789012/sg-...), got \"sg-0abc\"; a security group id is sg- and 8 or 17 lowercase hex digits",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"222222222222/sg-0ABC1234\"}]} | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group (sg-... or 123456789012/sg-...), got \"222222222222/sg-0ABC1234\"; a security group id is",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"pl-1\"}]} | ingressAllowList[0].source: expected an IPv4 or IPv6 CIDR, a prefix list id (pl-...) or a security group (sg-... or 123456789012/sg-...), got \"pl-1\"; a prefix list id is pl- and 8 to 17 lowercase hex digits",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"0.0.0.0/0\", \"requried\": true}]} | ingressAllowList[0].requried: unknown setting; known settings are [description, fromPort, protocol, required, source, toPort]",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"0.0.0.0/0\", \"required\": \"yes\"}]} | ingressAllowList[0].required: expected true or false, got \"yes\"",
            "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"0.0.0.0/0\", \"description\": 7}]} | ingressAllowList[0].description: expected a string, got 7",
            "{\"exemptSecurityGroupIds\": \"sg-0123456789abcdef0\"}             | exemptSecurityGroupIds: expected a list of security group ids such as sg-0123456789abcdef0, got \"sg-0123456789abcdef0\"",
            "{\"exemptSecurityGroupIds\": [\"sg-0abc1234\", \"i-0abc1234\"]}   | exemptSecurityGroupIds[1]: expected a security group id such as sg-0123456789abcdef0, got \"i-0abc1234\"; a security group id is sg- and 8 or 17 lowercase hex digits",
            "{\"exemptSecurityGroupIds\": [\"sg-1\"]}                          | exemptSecurityGroupIds[0]: expected a security group id such as sg-0123456789abcdef0, got \"sg-1\"",
            "{\"exemptSecurityGroupIds\": [7]}                                  | exemptSecurityGroupIds[0]: expected a security group id such as sg-0123456789abcdef0, got 7",
            "{\"remediation\": []}                                              | remediation: expected an object, got []",
            "{\"remediation\": {\"mode\": \"ENFORCE\"}}                         | remediation.mode: unknown setting; known settings are [cloudFormationGroupPolicy, defaultGroupPolicy, exemptTagKey, periodicFrequency, revokeNonCidrSources]",
            "{\"remediation\": {\"exemptTagKey\": \"\"}}                        | remediation.exemptTagKey: expected a tag key of 1-128 letters, digits, spaces and _.:/=+-@, got \"\"",
            "{\"remediation\": {\"exemptTagKey\": \"team#exempt\"}}             | remediation.exemptTagKey: expected a tag key of 1-128 letters, digits, spaces and _.:/=+-@, got \"team#exempt\"",
            "{\"remediation\": {\"defaultGroupPolicy\": \"NEVER\"}}             | remediation.defaultGroupPolicy: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE], got \"NEVER\"",
            "{\"remediation\": {\"cloudFormationGroupPolicy\": true}}           | remediation.cloudFormationGroupPolicy: expected one of [REPORT_ONLY, REVOKE_ONLY, ENFORCE], got true",
            "{\"remediation\": {\"revokeNonCidrSources\": 1}}                   | remediation.revokeNonCidrSources: expected true or false, got 1",
            "{\"remediation\": {\"periodicFrequency\": \"Daily\"}}              | remediation.periodicFrequency: expected a Config frequency, one of [One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours], got \"Daily\"",
            "[]                                                                 | context: expected an object with the remediation keys, got []",
    })
    void rejectsInvalidSettingsWithOneLineNamingTheKey(String context, String message) {
        assertThatThrownBy(() -> PolicyParser.parseContext(json(context)))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(message.trim())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        String longId = "sg-" + "x".repeat(200);
        assertThatThrownBy(() -> PolicyParser.parse(json("{\"exemptSecurityGroupIds\": [\"" + longId + "\"]}")))
                .hasMessageContaining("...;").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
    }

    private static SgRule rule(String protocol, Integer from, Integer to, String source) {
        return SgRule.of(protocol, from, to, RuleSource.parse(source));
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
