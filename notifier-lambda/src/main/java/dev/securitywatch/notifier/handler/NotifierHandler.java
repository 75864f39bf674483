package dev.securitywatch.notifier.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.lambdakit.settings.SettingsFile;
import dev.securitywatch.lambdakit.telemetry.Invocation;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.notifier.service.HeartbeatCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The SQS-triggered Lambda: a batch from the alerts queue → the posts a reader can take in → a partial batch response
 * naming the records to deliver again. A delivery failure never fails the invocation: the failed records go back to
 * the queue (and after {@code alerts.maxReceiveCount} deliveries to the dead-letter queue), and the dedup ledger
 * keeps their redelivery from re-posting what went out. The weekly suppression digest's schedule and the heartbeat
 * check's schedule invoke it too. Logs
 * and metrics go through Powertools (lambda-kit).
 */
public final class NotifierHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The input the weekly digest schedule sends: {@code {"securityWatch": "suppression-digest"}}. */
    public static final String DIGEST_REQUEST = "suppression-digest";
    /** The input the heartbeat check's schedule sends: {@code {"securityWatch": "heartbeat-check"}}. */
    public static final String HEARTBEAT_CHECK_REQUEST = "heartbeat-check";
    /** The input the daily coverage schedule sends: {@code {"securityWatch": "coverage-check"}}. */
    public static final String COVERAGE_CHECK_REQUEST = "coverage-check";
    private static final Set<String> SCHEDULED = Set.of(DIGEST_REQUEST, HEARTBEAT_CHECK_REQUEST,
            COVERAGE_CHECK_REQUEST);
    /** Left at the end of the invocation to log, publish metrics and answer the batch. */
    static final Duration RESERVE = Duration.ofSeconds(2);

    private final NotifierWiring runtime;
    final Priming priming;

    public NotifierHandler() {
        this(NotifierWiring.fromEnvironment(SettingsFile.withFile(System.getenv()), MAPPER));
        priming.register();
    }

    NotifierHandler(NotifierWiring runtime) {
        this.runtime = runtime;
        this.priming = new Priming(runtime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation ignored = Invocation.start(context)) {
            JsonNode event = MAPPER.readTree(input);
            Deadline deadline = Deadline.fromRemainingMillis(context.getRemainingTimeInMillis(), RESERVE);
            String request = event == null ? "" : event.path("securityWatch").asText();
            if (SCHEDULED.contains(request)) {
                scheduled(request, deadline, output);
                return;
            }
            BatchResult result = runtime.service().handle(runtime.records(event), deadline);
            NotifierMetrics.publish(result);
            output.write(BatchResponse.retry(result.retryRecords(), MAPPER));
        }
    }

    /**
     * A schedule's invocation (asynchronous). A run whose message could not be posted fails the invocation, so
     * Lambda retries it; the dedup ledger keeps a retry from posting it twice.
     */
    private void scheduled(String request, Deadline deadline, OutputStream output) throws IOException {
        BatchResult result;
        if (HEARTBEAT_CHECK_REQUEST.equals(request)) {
            HeartbeatCheck check = runtime.service().checkHeartbeats(deadline);
            NotifierMetrics.publish(check);
            result = check.result();
        } else {
            result = DIGEST_REQUEST.equals(request) ? runtime.service().digest(deadline)
                    : runtime.service().checkCoverage(deadline);
        }
        String what = request.replace('-', ' ');
        String postsField = DIGEST_REQUEST.equals(request) ? "digestPosts" : "healthPosts";
        NotifierMetrics.publish(result);
        if (result.failed() || result.requeued() > 0) {
            throw new ScheduledRunFailedException(what, String.join("; ", result.failures()));
        }
        output.write(MAPPER.createObjectNode().put(postsField, result.posts()).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A scheduled run did not reach every sink, or could not read its state; Lambda's retry runs it again. */
    static final class ScheduledRunFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScheduledRunFailedException(String what, String failures) {
            super(what + " not delivered: " + (failures.isEmpty() ? "no time left" : failures));
        }
    }
}
