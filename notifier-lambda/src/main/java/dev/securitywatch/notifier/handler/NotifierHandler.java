package dev.securitywatch.notifier.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.telemetry.Invocation;
import dev.securitywatch.notifier.service.BatchResult;
import dev.securitywatch.chat.delivery.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The SNS-subscribed Lambda: SNS event → envelopes → one Slack message each. Fails the invocation when any message
 * could not be delivered, so Lambda's async retries and the on-failure queue take over; the dedup ledger keeps
 * retries from re-sending what went out. Logs and metrics go through Powertools (lambda-kit's telemetry).
 */
public final class NotifierHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Left at the end of the invocation to log, publish metrics and fail cleanly. */
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
            String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            BatchResult result = runtime.service().handle(runtime.parser().parseText(event),
                    Deadline.fromRemainingMillis(context.getRemainingTimeInMillis(), RESERVE));
            NotifierMetrics.publish(result);
            if (result.failed()) {
                throw new NotificationFailedException(result);
            }
            output.write(summary(result));
        }
    }

    private static byte[] summary(BatchResult result) {
        return MAPPER.createObjectNode().put("messages", result.messages()).put("delivered", result.delivered())
                .put("duplicates", result.duplicates()).put("muted", result.muted()).toString()
                .getBytes(StandardCharsets.UTF_8);
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
