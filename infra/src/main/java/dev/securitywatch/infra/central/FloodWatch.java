package dev.securitywatch.infra.central;

import dev.securitywatch.infra.lambda.LambdaEnvironment;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.CfnInsightRule;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * One account flooding the pipeline, whoever it is: a CloudWatch Contributor Insights rule counts the events log's
 * events per account, and an alarm fires when the busiest account passes the threshold in five minutes. One rule
 * and one alarm for any number of accounts, where a metric per account would cost $0.30 each a month.
 *
 * <p>The flood cannot hide what matters: the notifier folds a burst into summaries per actor and account, and
 * CRITICAL alerts go first and alone; this alarm says who is flooding and since when, so the team can act.
 */
public final class FloodWatch extends Construct {
    static final String RULE_NAME = "security-watch-events-by-account";

    private final Alarm alarm;

    public FloodWatch(Construct scope, String id, ILogGroup eventsLog, int eventsPer5Minutes) {
        super(scope, id);
        CfnInsightRule rule = CfnInsightRule.Builder.create(this, "EventsByAccount")
                .ruleName(RULE_NAME)
                .ruleState("ENABLED")
                .ruleBody(LambdaEnvironment.json(Map.of(
                        "Schema", Map.of("Name", "CloudWatchLogRule", "Version", 1),
                        "LogGroupNames", List.of(eventsLog.getLogGroupName()),
                        "LogFormat", "JSON",
                        "Contribution", Map.of("Keys", List.of("$.account"), "Filters", List.of()),
                        "AggregateOn", "Count")))
                .build();
        alarm = Alarm.Builder.create(this, "Flood")
                .alarmDescription("Security Watch: one account forwarded more than " + eventsPer5Minutes
                        + " events in five minutes. Open the Contributor Insights rule " + RULE_NAME
                        + " to see which account; a scripted flood can bury real alerts in summaries. Check who is"
                        + " acting there (the summaries name the actors) and whether the events are forged.")
                .metric(MathExpression.Builder.create()
                        .expression("INSIGHT_RULE_METRIC('" + RULE_NAME + "', 'MaxContributorValue')")
                        .period(Duration.minutes(5))
                        .usingMetrics(Map.of())
                        .label("Events from the busiest account")
                        .build())
                .threshold(eventsPer5Minutes)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.getNode().addDependency(rule);
    }

    public Alarm alarm() {
        return alarm;
    }
}
