package dev.securitywatch.notifier.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.lambdakit.telemetry.Invocation;
import dev.securitywatch.notifier.service.BatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The SQS-triggered Lambda: a batch from the alerts queue → the posts a reader can take in → a partial batch response
 * naming the records to deliver again. A delivery failure never fails the invocation: the failed records go back to
 * the queue (and after {@code alerts.maxReceiveCount} deliveries to the dead-letter queue), and the dedup ledger
 * keeps their redelivery from re-posting what went out. Logs and metrics go through Powertools (lambda-kit).
 */
public final class NotifierHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Left at the end of the invocation to log, publish metrics and answer the batch. */
    static final Duration RESERVE = Duration.ofSeconds(2);

    private final NotifierWiring runtime;
    final Priming priming;

    public NotifierHandler() {
        this(NotifierWiring.fromEnvironment(System.getenv(), MAPPER));
        priming.register();
    }

    NotifierHandler(NotifierWiring runtime) {
        this.runtime = runtime;
        this.priming = new Priming(runtime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation ignored = Invocation.start(context)) {
            BatchResult result = runtime.service().handle(runtime.records(MAPPER.readTree(input)),
                    Deadline.fromRemainingMillis(context.getRemainingTimeInMillis(), RESERVE));
            NotifierMetrics.publish(result);
            output.write(BatchResponse.retry(result.retryRecords(), MAPPER));
        }
    }
}
