package dev.securitywatch.hubcheck.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.check.CheckOutcome;
import dev.securitywatch.hubcheck.check.MembershipCheck;
import dev.securitywatch.lambdakit.settings.SettingsFile;
import dev.securitywatch.lambdakit.telemetry.Invocation;
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
    private final RunLog log;
    final Priming priming;

    public HubMemberCheckHandler() {
        this(HubCheckWiring.fromEnvironment(SettingsFile.withFile(System.getenv())), new ObjectMapper());
        priming.register();
    }

    HubMemberCheckHandler(MembershipCheck check, ObjectMapper mapper) {
        this.check = check;
        this.mapper = mapper;
        this.log = new RunLog(mapper);
        this.priming = new Priming(mapper);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation ignored = Invocation.start(context)) {
            ScheduleInvocation invocation = ScheduleInvocation.parse(mapper, input.readAllBytes());
            log.received(invocation);
            CheckOutcome outcome = check.run(invocation.scheduledTime(), administrator(context));
            output.write(mapper.writeValueAsBytes(log.reported(outcome)));
        }
    }

    /** The function runs in the Security Hub administrator account, which is never its own member. */
    private static Set<String> administrator(Context context) {
        String[] arn = String.valueOf(context.getInvokedFunctionArn()).split(":");
        return arn.length > 4 && !arn[4].isEmpty() ? Set.of(arn[4]) : Set.of();
    }
}
