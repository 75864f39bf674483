package dev.securitywatch.infra.common;

import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * A Lambda alias on an EventBridge Scheduler cron. Scheduler invokes asynchronously, so a failed run is retried
 * twice by Lambda's own async configuration, besides Scheduler's retries of the invoke call itself.
 */
public final class ScheduledInvocation {
    /** The id CDK gives the async invoke configuration it adds under a function or alias. */
    private static final String ASYNC_CONFIG_ID = "EventInvokeConfig";

    private ScheduledInvocation() {
    }

    /**
     * @param deadLetters where invocations go that failed every attempt, when the run carries something to keep;
     *                    without it, the function's Errors alarm is the signal
     */
    public static Schedule create(Construct scope, String id, String description, String cron, String timezone,
                                  Alias alias, ScheduleTargetInput input, Optional<DeadLetterQueue> deadLetters) {
        return create(scope, id, description, ScheduleExpression.expression(cron, TimeZone.of(timezone)), alias, input,
                deadLetters);
    }

    /**
     * The same on any schedule expression, e.g. a rate. Several schedules may invoke one alias: its asynchronous
     * retries are configured once, by the first.
     */
    public static Schedule create(Construct scope, String id, String description, ScheduleExpression when,
                                  Alias alias, ScheduleTargetInput input, Optional<DeadLetterQueue> deadLetters) {
        ScheduleTargetBaseProps.Builder target = ScheduleTargetBaseProps.builder()
                .input(input)
                .retryAttempts(3)
                .maxEventAge(Duration.hours(6));
        deadLetters.ifPresent(queue -> target.deadLetterQueue(queue.queue()));
        Schedule schedule = Schedule.Builder.create(scope, id)
                .description(description)
                .schedule(when)
                .target(new LambdaInvoke(alias, target.build()))
                .build();
        if (alias.getNode().tryFindChild(ASYNC_CONFIG_ID) != null) {
            return schedule;
        }
        EventInvokeConfigOptions.Builder async = EventInvokeConfigOptions.builder()
                .retryAttempts(2)
                .maxEventAge(Duration.hours(1));
        deadLetters.ifPresent(queue -> async.onFailure(new SqsDestination(queue.queue())));
        alias.configureAsyncInvoke(async.build());
        return schedule;
    }
}
