package dev.securitywatch.remediation.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.settings.Environment;
import dev.securitywatch.remediation.aws.AwsClients;
import dev.securitywatch.remediation.aws.ConfigServiceGateway;
import dev.securitywatch.remediation.aws.Ec2SecurityGroupStore;
import dev.securitywatch.remediation.aws.EventBridgeResultPublisher;
import dev.securitywatch.remediation.evaluation.RemediationService;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import java.util.Map;
import java.util.Optional;

/** The collaborators of one Lambda container, built from its {@link RemediationSettings}. */
record RemediationWiring(RemediationPlanner planner, RemediationService service, Optional<String> configRule) {

    static RemediationWiring fromEnvironment(Map<String, String> environment, ObjectMapper mapper) {
        RemediationSettings settings = RemediationSettings.from(new Environment(environment), mapper);
        return create(settings, AwsClients.forRuntime(settings.region()), mapper);
    }

    static RemediationWiring create(Map<String, String> environment, AwsClients clients, ObjectMapper mapper) {
        return create(RemediationSettings.from(new Environment(environment), mapper), clients, mapper);
    }

    static RemediationWiring create(RemediationSettings settings, AwsClients clients, ObjectMapper mapper) {
        RemediationPlanner planner = new RemediationPlanner(settings.policy());
        RemediationService service = new RemediationService(planner, new Ec2SecurityGroupStore(clients.ec2()),
                new ConfigServiceGateway(clients.config(), mapper),
                new EventBridgeResultPublisher(clients.eventBridge()), settings.region());
        return new RemediationWiring(planner, service, settings.configRule());
    }
}
