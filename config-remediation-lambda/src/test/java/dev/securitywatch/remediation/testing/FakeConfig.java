package dev.securitywatch.remediation.testing;

import dev.securitywatch.remediation.evaluation.ConfigGateway;
import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory Config behind the port: records PutEvaluations batches and serves a configuration history. */
public final class FakeConfig implements ConfigGateway {
    public final List<List<Evaluation>> batches = new ArrayList<>();
    public final Map<String, ConfigurationItem> history = new HashMap<>();
    public RuntimeException failure;

    public List<Evaluation> evaluations() {
        return batches.stream().flatMap(List::stream).toList();
    }

    @Override
    public List<String> putEvaluations(String resultToken, List<Evaluation> evaluations) {
        if (failure != null) {
            throw failure;
        }
        batches.add(List.copyOf(evaluations));
        return List.of();
    }

    @Override
    public Optional<ConfigurationItem> itemAt(String resourceType, String resourceId, Instant captureTime) {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(history.get(resourceId));
    }
}
