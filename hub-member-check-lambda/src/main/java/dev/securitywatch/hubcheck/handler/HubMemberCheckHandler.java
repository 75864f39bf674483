package dev.securitywatch.hubcheck.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.hubcheck.check.CheckOutcome;
import dev.securitywatch.hubcheck.check.MembershipCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * The EventBridge Scheduler target: one membership check per invocation. A failed Slack delivery, or a run that
 * could not write its snapshot, fails the invocation so the schedule's retry policy and DLQ take over; a retry
 * compares with the snapshots taken before the scheduled time, so it reports the same changes again.
 */
public final class HubMemberCheckHandler implements RequestStreamHandler {
    private final MembershipCheck check;
    private final ObjectMapper mapper;
    final Priming priming;

    public HubMemberCheckHandler() {
        this(HubCheckWiring.fromEnvironment(System.getenv()), new ObjectMapper());
        priming.register();
    }

    HubMemberCheckHandler(MembershipCheck check, ObjectMapper mapper) {
        this.check = check;
        this.mapper = mapper;
        this.priming = new Priming(mapper);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ScheduleInvocation invocation = ScheduleInvocation.parse(mapper, input.readAllBytes());
        invocation.ignoredInput().ifPresent(reason -> context.getLogger().log(
                log("invocation input ignored, running as of now: " + reason).toString(), LogLevel.WARN));
        CheckOutcome outcome = check.run(invocation.scheduledTime(), administrator(context));
        ObjectNode summary = RunSummary.of(mapper, outcome);
        context.getLogger().log(summary.toString(), outcome.report().problems().isEmpty() ? LogLevel.INFO
                : LogLevel.WARN);
        output.write(mapper.writeValueAsBytes(summary));
    }

    /** The function runs in the Security Hub administrator account, which is never its own member. */
    private static Set<String> administrator(Context context) {
        String[] arn = String.valueOf(context.getInvokedFunctionArn()).split(":");
        return arn.length > 4 && !arn[4].isEmpty() ? Set.of(arn[4]) : Set.of();
    }

    private ObjectNode log(String message) {
        return mapper.createObjectNode().put("message", message);
    }
}
