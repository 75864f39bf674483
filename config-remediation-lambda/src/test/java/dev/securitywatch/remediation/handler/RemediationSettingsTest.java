package dev.securitywatch.remediation.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.settings.Environment;
import dev.securitywatch.lambdakit.settings.SettingsException;
import dev.securitywatch.remediation.policy.PolicyJson;
import dev.securitywatch.remediation.policy.PolicyParser;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemediationSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RemediationSettings read(Map<String, String> variables) {
        return RemediationSettings.from(new Environment(variables), MAPPER);
    }

    @Test
    void anUnsetPolicyMeansTheDefaults() {
        RemediationSettings settings = read(Map.of("AWS_REGION", "us-east-1", "REMEDIATION_POLICY", " "));
        assertThat(settings.policy()).isEqualTo(RemediationPolicy.defaults());
        assertThat(settings.region()).isEqualTo("us-east-1");
    }

    @Test
    void readsThePolicyExactlyAsInfraWritesIt() throws Exception {
        RemediationPolicy written = PolicyParser.parse(MAPPER.readTree("""
                {"remediationMode": "REVOKE_ONLY", "exemptSecurityGroupIds": ["sg-0123456789abcdef0"],
                 "ingressAllowList": [{"protocol": "tcp", "fromPort": 22, "source": "10.0.0.0/8"}],
                 "remediation": {"exemptTagKey": "team:exempt", "revokeNonCidrSources": true}}
                """));
        RemediationSettings settings = read(Map.of("AWS_REGION", "eu-west-1",
                "REMEDIATION_POLICY", MAPPER.writeValueAsString(PolicyJson.write(written))));
        assertThat(settings.policy()).isEqualTo(written);
        assertThat(settings.policy().mode()).isEqualTo(RemediationMode.REVOKE_ONLY);
    }

    @Test
    void aBadValueNamesTheVariableAndTheKey() {
        assertThatThrownBy(() -> read(Map.of("AWS_REGION", "eu-west-1",
                "REMEDIATION_POLICY", "{\"exemptSecurityGroupIds\": [\"sg-nothex\"]}")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("REMEDIATION_POLICY: exemptSecurityGroupIds[0]: expected a security group id");
        assertThatThrownBy(() -> read(Map.of("REMEDIATION_POLICY", "{}")))
                .isInstanceOf(SettingsException.class).hasMessage("AWS_REGION is not set");
    }
}
