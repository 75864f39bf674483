package dev.securitywatch.notifier.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.chat.delivery.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SNS-subscribed Lambda: SNS event → envelopes → one Slack message each. Fails the invocation when any message
 * could not be delivered, so Lambda's async retries and the on-failure queue take over; the dedup ledger keeps
 * retries from re-sending what went out.
 */
public final class NotifierHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Left at the end of the invocation to log, publish metrics and fail cleanly. */
    static final Duration RESERVE = Duration.ofSeconds(2);

    private final NotifierWiring runtime;
    private final EmfMetrics metrics;
    final Priming priming;
    private boolean coldStart = true;

    public NotifierHandler() {
        this(NotifierWiring.fromEnvironment(System.getenv(), MAPPER, System.out), System.out);
        priming.register();
    }

    NotifierHandler(NotifierWiring runtime, PrintStream logs) {
        this.runtime = runtime;
        this.metrics = new EmfMetrics(MAPPER, logs, Clock.systemUTC());
        this.priming = new Priming(runtime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("cold_start", String.valueOf(coldStart));
        keys.put("function_request_id", context.getAwsRequestId());
        keys.put("function_name", context.getFunctionName());
        coldStart = false;
        runtime.service().log().startInvocation(keys);

        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        BatchResult result = runtime.service().handle(runtime.parser().parseText(event),
                Deadline.fromRemainingMillis(context.getRemainingTimeInMillis(), RESERVE));
        metrics.publish(result);
        if (result.failed()) {
            throw new NotificationFailedException(result);
        }
        output.write(MAPPER.createObjectNode().put("messages", result.messages())
                .put("delivered", result.delivered()).put("duplicates", result.duplicates())
                .put("muted", result.muted()).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Some messages of the batch were not delivered; the message lists them without any secret. */
    public static final class NotificationFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotificationFailedException(BatchResult result) {
            super(result.failures().size() + " of " + result.messages() + " message(s) not delivered (delivered "
                    + result.delivered() + ", duplicates " + result.duplicates() + "): "
                    + String.join(" | ", result.failures()), null, false, false);
        }
    }
}
