package dev.securitywatch.lambdakit.telemetry;

import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The telemetry as a whole, for the container's init. */
public final class Telemetry {
    private Telemetry() {
    }

    /**
     * Loads and configures Powertools Logging ({@code POWERTOOLS_LOG_LEVEL}) and Metrics (the EMF writer, the
     * namespace) during the init, so a SnapStart snapshot holds them ready and Powertools Metrics registers its own
     * class preloading for the checkpoint. Writes nothing.
     */
    public static void initialize() {
        PowertoolsLogging.clearState(false);
        LambdaMetrics.initialize();
    }
}
