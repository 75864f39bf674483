package dev.securitywatch.remediation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What infra writes into REMEDIATION_POLICY, and that the Lambda reads the same policy back. */
class PolicyJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theDefaultsAreWrittenInFullInAFixedOrder() throws Exception {
        assertThat(MAPPER.writeValueAsString(PolicyJson.write(RemediationPolicy.defaults()))).isEqualTo(
                "{\"exemptSecurityGroupIds\":[],"
                        + "\"ingressAllowList\":[{\"description\":\"HTTP\",\"fromPort\":80,\"protocol\":\"tcp\","
                        + "\"required\":true,\"source\":\"0.0.0.0/0\",\"toPort\":80},"
                        + "{\"description\":\"HTTPS\",\"fromPort\":443,\"protocol\":\"tcp\",\"required\":true,"
                        + "\"source\":\"0.0.0.0/0\",\"toPort\":443}],"
                        + "\"remediation\":{\"cloudFormationGroupPolicy\":\"REPORT_ONLY\","
                        + "\"defaultGroupPolicy\":\"REPORT_ONLY\",\"exemptTagKey\":\"security-watch:exempt\","
                        + "\"revokeNonCidrSources\":false},"
                        + "\"remediationMode\":\"REPORT_ONLY\"}");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSamePolicy() throws Exception {
        JsonNode context = MAPPER.readTree("""
                {"remediationMode": "REVOKE_ONLY",
                 "ingressAllowList": [
                   {"protocol": "6", "fromPort": "22", "source": "10.1.2.3/8"},
                   {"protocol": "all", "fromPort": 0, "toPort": 100, "source": "sg-0123456789abcdef0"},
                   {"protocol": "icmp", "fromPort": 8, "toPort": 0, "source": "2001:DB8::/32", "required": true},
                   {"protocol": "udp", "fromPort": 53, "toPort": 53, "source": "222222222222/sg-0abc1234",
                    "description": "DNS"}],
                 "exemptSecurityGroupIds": ["sg-0abc1234", "sg-0123456789abcdef0", "sg-0abc1234"],
                 "remediation": {"exemptTagKey": "team:exempt", "cloudFormationGroupPolicy": "ENFORCE",
                                 "revokeNonCidrSources": "true", "periodicFrequency": "One_Hour"},
                 "memberAccounts": [{"id": "111111111111", "remediationMode": "ENFORCE"}]}
                """);
        RemediationContext parsed = PolicyParser.parseContext(context);
        for (String account : new String[] {"111111111111", "222222222222"}) {
            RemediationPolicy policy = parsed.policyFor(account);
            String written = MAPPER.writeValueAsString(PolicyJson.write(policy));
            assertThat(PolicyParser.parse(MAPPER.readTree(written))).isEqualTo(policy);
            assertThat(MAPPER.writeValueAsString(PolicyJson.write(PolicyParser.parse(MAPPER.readTree(written)))))
                    .isEqualTo(written);
        }
        assertThat(MAPPER.writeValueAsString(PolicyJson.write(parsed.policyFor("111111111111")))).contains(
                "\"remediationMode\":\"ENFORCE\"",
                "\"exemptSecurityGroupIds\":[\"sg-0abc1234\",\"sg-0123456789abcdef0\"]",
                "{\"description\":\"\",\"fromPort\":22,\"protocol\":\"tcp\",\"required\":false,"
                        + "\"source\":\"10.0.0.0/8\",\"toPort\":22}",
                "{\"description\":\"\",\"fromPort\":-1,\"protocol\":\"-1\",\"required\":false,"
                        + "\"source\":\"sg-0123456789abcdef0\",\"toPort\":-1}",
                "\"source\":\"2001:db8::/32\"");
    }

    @Test
    void anAbsentDescriptionIsWrittenEmptyAndReadBackAbsent() throws Exception {
        RemediationPolicy policy = PolicyParser.parse(MAPPER.readTree(
                "{\"ingressAllowList\": [{\"protocol\": \"tcp\", \"fromPort\": 22, \"source\": \"10.0.0.0/8\"}]}"));
        JsonNode written = PolicyJson.write(policy);
        assertThat(written.at("/ingressAllowList/0/description").asText()).isEmpty();
        assertThat(PolicyParser.parse(written).allowList().entries().get(0).description()).isNull();
    }
}
