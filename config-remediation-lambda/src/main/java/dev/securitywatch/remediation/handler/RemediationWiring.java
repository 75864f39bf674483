package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.remediation.aws.AwsClients;
import dev.securitywatch.remediation.aws.ConfigServiceGateway;
import dev.securitywatch.remediation.aws.Ec2SecurityGroupStore;
import dev.securitywatch.remediation.aws.EventBridgeResultPublisher;
import dev.securitywatch.remediation.evaluation.RemediationService;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.policy.PolicyException;
import dev.securitywatch.remediation.policy.PolicyParser;
import java.util.Map;

/**
 * The collaborators of one Lambda container, built from its environment: {@code REMEDIATION_POLICY} (the
 * remediation keys of cdk.json context as JSON; absent means defaults) and {@code AWS_REGION}.
 */
record RemediationWiring(RemediationPlanner planner, RemediationService service) {
    static final String POLICY_VARIABLE = "REMEDIATION_POLICY";

    static RemediationWiring fromEnvironment(Map<String, String> environment, ObjectMapper mapper) {
        return create(environment, AwsClients.forRuntime(region(environment)), mapper);
    }

    static RemediationWiring create(Map<String, String> environment, AwsClients clients, ObjectMapper mapper) {
        RemediationPlanner planner = new RemediationPlanner(PolicyParser.parse(policyJson(environment, mapper)));
        RemediationService service = new RemediationService(planner, new Ec2SecurityGroupStore(clients.ec2()),
                new ConfigServiceGateway(clients.config(), mapper),
                new EventBridgeResultPublisher(clients.eventBridge()), region(environment));
        return new RemediationWiring(planner, service);
    }

    private static JsonNode policyJson(Map<String, String> environment, ObjectMapper mapper) {
        String text = environment.get(POLICY_VARIABLE);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PolicyException(POLICY_VARIABLE, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String region(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        return region;
    }
}
