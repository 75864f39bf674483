package dev.securitywatch.remediation.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.remediation.evaluation.ConfigGateway;
import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.PutEvaluationsResponse;
import software.amazon.awssdk.services.config.model.ResourceNotDiscoveredException;

/**
 * AWS Config adapter (JSON protocol). SDK exceptions are not caught: failing to reach Config is the one failure
 * that must fail the invocation.
 */
public final class ConfigServiceGateway implements ConfigGateway {
    private final ConfigClient config;
    private final ObjectMapper mapper;

    public ConfigServiceGateway(ConfigClient config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public List<String> putEvaluations(String resultToken, List<Evaluation> evaluations) {
        if (evaluations.size() > MAX_EVALUATIONS_PER_CALL) {
            throw new IllegalArgumentException("at most " + MAX_EVALUATIONS_PER_CALL + " evaluations per call");
        }
        PutEvaluationsResponse response = config.putEvaluations(request -> request
                .resultToken(resultToken)
                .evaluations(evaluations.stream().map(ConfigServiceGateway::evaluation).toList()));
        return response.failedEvaluations().stream().map(software.amazon.awssdk.services.config.model.Evaluation::complianceResourceId).toList();
    }

    @Override
    public Optional<ConfigurationItem> itemAt(String resourceType, String resourceId, Instant captureTime) {
        try {
            return config.getResourceConfigHistory(request -> request
                            .resourceType(resourceType).resourceId(resourceId).laterTime(captureTime).limit(1))
                    .configurationItems().stream().findFirst().map(this::item);
        } catch (ResourceNotDiscoveredException e) {
            return Optional.empty();
        }
    }

    private ConfigurationItem item(software.amazon.awssdk.services.config.model.ConfigurationItem item) {
        return new ConfigurationItem(item.resourceTypeAsString(), item.resourceId(), item.resourceName(),
                item.configurationItemStatusAsString(), item.configurationItemCaptureTime(), item.accountId(),
                item.awsRegion(), configuration(item), item.tags());
    }

    private JsonNode configuration(software.amazon.awssdk.services.config.model.ConfigurationItem item) {
        if (item.configuration() == null || item.configuration().isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(item.configuration());
        } catch (JsonProcessingException e) {
            throw new InvalidInvocationException("configuration of " + item.resourceId()
                    + " from GetResourceConfigHistory is not JSON: " + e.getOriginalMessage());
        }
    }

    private static software.amazon.awssdk.services.config.model.Evaluation evaluation(Evaluation evaluation) {
        return software.amazon.awssdk.services.config.model.Evaluation.builder()
                .complianceResourceType(evaluation.resourceType())
                .complianceResourceId(evaluation.resourceId())
                .complianceType(ComplianceType.fromValue(evaluation.compliance().name()))
                .annotation(evaluation.annotation())
                .orderingTimestamp(evaluation.orderingTimestamp())
                .build();
    }
}
