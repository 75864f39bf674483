package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import dev.securitywatch.lambdakit.settings.Environment;
import dev.securitywatch.remediation.policy.PolicyJson;
import dev.securitywatch.remediation.policy.PolicyParser;
import dev.securitywatch.remediation.policy.RemediationPolicy;

/**
 * The remediation Lambda's environment, read and checked once per container. A bad value fails the init with a
 * message that names the variable (and, for the policy, the cdk.json key).
 *
 * @param policy {@code REMEDIATION_POLICY}: the stack's policy as infra wrote it with {@link PolicyJson}, read by
 *               the same {@link PolicyParser} that checked cdk.json at synth; unset means
 *               {@link RemediationPolicy#defaults()}
 * @param region {@code AWS_REGION}, set by Lambda: the region of the sweep and of the default bus
 * @param configRule {@code CONFIG_RULE_NAME}: the one Config rule whose invocations it acts on
 */
public record RemediationSettings(RemediationPolicy policy, String region, Optional<String> configRule) {
    public static final String POLICY_VARIABLE = "REMEDIATION_POLICY";
    public static final String REGION_VARIABLE = "AWS_REGION";
    public static final String RULE_VARIABLE = "CONFIG_RULE_NAME";

    public static RemediationSettings from(Environment environment, ObjectMapper mapper) {
        RemediationPolicy policy = environment.parsed(POLICY_VARIABLE, text -> PolicyParser.parse(json(text, mapper)),
                RemediationPolicy.defaults());
        return new RemediationSettings(policy, environment.required(REGION_VARIABLE),
                environment.optional(RULE_VARIABLE));
    }

    private static JsonNode json(String text, ObjectMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
