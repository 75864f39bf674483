package dev.securitywatch.lambdakit.telemetry;

import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * CloudWatch metrics through Powertools Metrics' functional API ({@link MetricsFactory}, no AspectJ weaving): one
 * Embedded Metric Format line on stdout per {@link #publish}, which CloudWatch turns into metrics without an API
 * call. Every Security Watch Lambda writes to one namespace, {@value #NAMESPACE} ({@code POWERTOOLS_METRICS_NAMESPACE},
 * which infra sets to the same), with the dimension {@code Service} = {@code POWERTOOLS_SERVICE_NAME}, the function.
 */
public final class LambdaMetrics {
    public static final String NAMESPACE = "SecurityWatch";
    /** The dimension Powertools adds from {@code POWERTOOLS_SERVICE_NAME}; alarms name it with the function's service. */
    public static final String SERVICE_DIMENSION = "Service";

    private static final Metrics METRICS = configure();

    private LambdaMetrics() {
    }

    private static Metrics configure() {
        // These functions run in Lambda only: write EMF to stdout at once, instead of first probing for an ECS task
        // or an EC2 instance (an HTTP call to the instance metadata address) as the EMF library does by default.
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(Optional.ofNullable(System.getenv("POWERTOOLS_METRICS_NAMESPACE"))
                .filter(namespace -> !namespace.isBlank()).orElse(NAMESPACE));
        return metrics;
    }

    /** Nothing more than the class initialisation: see {@link Telemetry#initialize()}. */
    static void initialize() {
        // The static initialiser has run.
    }

    /**
     * Adds this invocation's metrics (and metadata) and writes them as one EMF line. Whatever was added is written
     * even if adding the rest failed, so nothing carries over into the next invocation's line.
     */
    public static void publish(Consumer<Metrics> invocationMetrics) {
        try {
            invocationMetrics.accept(METRICS);
        } finally {
            METRICS.flush();
        }
    }
}
