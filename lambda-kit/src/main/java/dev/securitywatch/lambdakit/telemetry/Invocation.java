package dev.securitywatch.lambdakit.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The logging scope of one invocation, through Powertools Logging's functional API (no AspectJ weaving): until
 * {@link #close()}, every log line carries the invocation's keys ({@code function_request_id}, {@code function_name},
 * {@code function_arn}, {@code cold_start}, {@code service}, {@code xray_trace_id}). A handler opens it first:
 * {@code try (Invocation ignored = Invocation.start(context)) { ... }}.
 */
public final class Invocation implements AutoCloseable {
    private static final Invocation SCOPE = new Invocation();

    private Invocation() {
    }

    /** A null context (a test or a benchmark calling the handler directly) still gets {@code cold_start} and {@code service}. */
    public static Invocation start(Context context) {
        PowertoolsLogging.initializeLogging(context);
        return SCOPE;
    }

    /** Drops the invocation's keys, so nothing leaks into the next invocation's lines. */
    @Override
    public void close() {
        PowertoolsLogging.clearState(true);
    }
}
