package dev.securitywatch.infra.member;

import dev.securitywatch.infra.common.CfnPatterns;
import dev.securitywatch.infra.common.DeadLetterQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * Rules on a member's default bus that send catalog events straight to the central bus, across accounts and regions
 * in one hop (EventBridge never forwards an event twice). Asset-free, so it can also be a StackSet template.
 */
public final class ForwardingRules extends Construct {
    private final List<CfnRule> rules = new ArrayList<>();
    private final Role role;
    private final DeadLetterQueue deadLetters;

    /** The forwarding role of each member region: {@code security-watch-forwarding-<region>}. */
    public static final String ROLE_NAME_PREFIX = "security-watch-forwarding-";
    /** The forwarding rules on the default bus: {@code security-watch-forward-1}, {@code -2}, ... */
    public static final String RULE_NAME_PREFIX = "security-watch-forward-";

    /**
     * @param patterns      compact JSON patterns from the catalog, one rule each
     * @param centralBusArn the central bus; the only resource the role may put events to
     */
    public ForwardingRules(Construct scope, String id, List<String> patterns, String centralBusArn) {
        super(scope, id);
        Stack stack = Stack.of(this);
        role = Role.Builder.create(this, "PutEventsRole")
                // A fixed name, so the central bus policy can admit exactly this role and no other principal.
                .roleName(ROLE_NAME_PREFIX + stack.getRegion())
                .description("Lets member forwarding rules put events on the Security Watch central bus only")
                // Only this stack's rules: they are named, so their ARNs are known without a reference cycle.
                .assumedBy(new ServicePrincipal("events.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":events:"
                                + stack.getRegion() + ":" + stack.getAccount() + ":rule/" + RULE_NAME_PREFIX + "*"))))
                .inlinePolicies(Map.of("PutEventsOnCentralBus", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .actions(List.of("events:PutEvents"))
                                .resources(List.of(centralBusArn))
                                .build()))
                        .build()))
                .build();
        deadLetters = new DeadLetterQueue(this, "DeadLetters", "forwarding an event to the central bus");

        for (int i = 0; i < patterns.size(); i++) {
            rules.add(CfnRule.Builder.create(this, "Rule" + (i + 1))
                    .name(RULE_NAME_PREFIX + (i + 1))
                    .description("Security Watch: forward catalog events to the central bus (" + (i + 1) + " of "
                            + patterns.size() + ")")
                    .eventBusName("default")
                    .state("ENABLED")
                    .eventPattern(CfnPatterns.toMap(patterns.get(i)))
                    .targets(List.of(CfnRule.TargetProperty.builder()
                            .id("CentralBus")
                            .arn(centralBusArn)
                            .roleArn(role.getRoleArn())
                            .deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                                    .arn(deadLetters.queue().getQueueArn()).build())
                            .retryPolicy(CfnRule.RetryPolicyProperty.builder()
                                    .maximumEventAgeInSeconds(86_400).maximumRetryAttempts(185).build())
                            .build()))
                    .build());
        }
        deadLetters.queue().addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowForwardingRulesToDeadLetter")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetters.queue().getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn",
                        rules.stream().map(CfnRule::getAttrArn).toList())))
                .build());
    }


    public List<CfnRule> rules() {
        return List.copyOf(rules);
    }

    public Role role() {
        return role;
    }

    public DeadLetterQueue deadLetters() {
        return deadLetters;
    }
}
