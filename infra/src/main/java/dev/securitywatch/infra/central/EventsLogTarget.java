package dev.securitywatch.infra.central;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.RuleTargetConfig;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.ResourcePolicy;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Sends a rule's events to a log group. The CDK's own CloudWatchLogGroup target writes its resource policy through a
 * Lambda-backed custom resource; a plain {@code AWS::Logs::ResourcePolicy} does the same with no code to run or
 * patch.
 */
final class EventsLogTarget implements IRuleTarget {
    private final LogGroup logGroup;
    private final IQueue deadLetterQueue;

    EventsLogTarget(LogGroup logGroup, IQueue deadLetterQueue) {
        this.logGroup = logGroup;
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public RuleTargetConfig bind(IRuleRef rule) {
        return bind(rule, "EventsLog");
    }

    @Override
    public RuleTargetConfig bind(IRuleRef rule, String id) {
        // As in EventBridge's documented policy: the rule ARN conditions only PutLogEvents. CreateLogStream carries
        // no condition there; one on the rule ARN (or any key EventBridge may not send) would deny it, and every
        // event would end in the dead-letter queue.
        List<ServicePrincipal> delivery = List.of(new ServicePrincipal("events.amazonaws.com"),
                new ServicePrincipal("delivery.logs.amazonaws.com"));
        ResourcePolicy.Builder.create(logGroup, "AllowEventBridge")
                .policyStatements(List.of(
                        PolicyStatement.Builder.create().principals(List.copyOf(delivery))
                                .actions(List.of("logs:CreateLogStream"))
                                .resources(List.of(logGroup.getLogGroupArn()))
                                .build(),
                        PolicyStatement.Builder.create().principals(List.copyOf(delivery))
                                .actions(List.of("logs:PutLogEvents"))
                                .resources(List.of(logGroup.getLogGroupArn()))
                                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn",
                                        rule.getRuleRef().getRuleArn())))
                                .build()))
                .build();
        // The dead-letter queue's policy for this rule is granted once, by the SNS target on the same rule.
        // A log-group target takes the group's ARN without the ":*" that its Arn attribute carries.
        return RuleTargetConfig.builder()
                .arn(Stack.of(logGroup).formatArn(ArnComponents.builder()
                        .service("logs").resource("log-group").arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                        .resourceName(logGroup.getLogGroupName()).build()))
                .deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                        .arn(deadLetterQueue.getQueueArn()).build())
                .retryPolicy(CfnRule.RetryPolicyProperty.builder()
                        .maximumEventAgeInSeconds((int) Duration.hours(24).toSeconds())
                        .maximumRetryAttempts(185).build())
                .build();
    }
}
