package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.infra.common.CfnPatterns;
import dev.securitywatch.infra.common.DeadLetterQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnCondition;
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

    /** The forwarding roles' common prefix: {@code security-watch-forwarding-<region>} and the StackSet's. */
    public static final String ROLE_NAME_PREFIX = "security-watch-forwarding-";

    /**
     * Rules made from one list of patterns, numbered from 1; with a condition, they exist only where it holds (a
     * StackSet template carries the us-east-1 set and the other regions' set, each under its condition).
     */
    public record RuleGroup(String idPrefix, List<String> patterns, CfnCondition condition) {
        public RuleGroup {
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * @param names         the kind of member whose names the role and rules carry
     * @param groups        compact JSON patterns from the catalog, one rule each
     * @param centralBusArn the central bus; the only resource the role may put events to
     */
    public ForwardingRules(Construct scope, String id, MemberNames names, List<RuleGroup> groups,
                           String centralBusArn) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String ownRules = "arn:" + stack.getPartition() + ":events:" + stack.getRegion() + ":" + stack.getAccount()
                + ":rule/" + names.forwardRulePrefix() + "*";
        role = Role.Builder.create(this, "PutEventsRole")
                // A fixed name, so the central bus policy can admit exactly this role and no other principal.
                .roleName(names.forwardingRole(stack.getRegion()))
                .description("Lets member forwarding rules put events on the Security Watch central bus only")
                // Only this stack's rules: they are named, so their ARNs are known without a reference cycle.
                .assumedBy(new ServicePrincipal("events.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", ownRules))))
                .inlinePolicies(Map.of("PutEventsOnCentralBus", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .actions(List.of("events:PutEvents"))
                                .resources(List.of(centralBusArn))
                                .build()))
                        .build()))
                .build();
        deadLetters = new DeadLetterQueue(this, "DeadLetters", "forwarding an event to the central bus");

        for (RuleGroup group : groups) {
            List<String> patterns = group.patterns();
            for (int i = 0; i < patterns.size(); i++) {
                CfnRule rule = CfnRule.Builder.create(this, group.idPrefix() + (i + 1))
                        .name(names.forwardRulePrefix() + (i + 1))
                        .description("Security Watch: forward catalog events to the central bus (" + (i + 1)
                                + " of " + patterns.size() + ")")
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
                        .build();
                if (group.condition() != null) {
                    rule.getCfnOptions().setCondition(group.condition());
                }
                rules.add(rule);
            }
        }
        boolean conditional = groups.stream().anyMatch(group -> group.condition() != null);
        deadLetters.queue().addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowForwardingRulesToDeadLetter")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetters.queue().getQueueArn()))
                // A rule under a condition may not exist, so a StackSet template names them by their prefix.
                .conditions(conditional ? Map.of("ArnLike", Map.of("aws:SourceArn", ownRules))
                        : Map.of("ArnEquals", Map.of("aws:SourceArn", rules.stream().map(CfnRule::getAttrArn)
                                .toList())))
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
