package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.MemberNames;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnEventBusPolicy;
import software.constructs.Construct;

/**
 * The member's default bus refuses events of Security Watch's own sources ({@code security-watch.*}) from anyone
 * but the remediator. The forwarding rules carry remediation results from this bus to the central one, and EventBridge
 * records nothing about who put an event; without this, anyone here with {@code events:PutEvents} could post a
 * "remediated" result that the channel would believe. AWS sources ({@code aws.*}) cannot be put by anyone.
 */
public final class SyntheticSourceGuard extends Construct {
    /** The sources only this project's own code may put: remediation results today. */
    static final String OWN_SOURCES = "security-watch.*";

    /**
     * @param names the kind of member whose statement this is. Both kinds' remediators are excepted: while an
     *              account migrates to the StackSet both statements stand, and each must let the other's
     *              remediator through (a Deny in either would win).
     */
    public SyntheticSourceGuard(Construct scope, String id, MemberNames names) {
        super(scope, id);
        Stack stack = Stack.of(this);
        List<String> remediators = MemberNames.remediationRoles(stack.getRegion()).stream()
                .map(role -> "arn:" + stack.getPartition() + ":iam::" + stack.getAccount() + ":role/" + role)
                .toList();
        CfnEventBusPolicy.Builder.create(this, "Policy")
                .eventBusName("default")
                .statementId(names.ownSourcesStatement())
                .statement(Map.of(
                        "Sid", names.ownSourcesStatement(),
                        "Effect", "Deny",
                        "Principal", "*",
                        "Action", "events:PutEvents",
                        "Resource", "arn:" + stack.getPartition() + ":events:" + stack.getRegion() + ":"
                                + stack.getAccount() + ":event-bus/default",
                        "Condition", Map.of(
                                "ForAnyValue:StringLike", Map.of("events:source", OWN_SOURCES),
                                "ArnNotEquals", Map.of("aws:PrincipalArn", remediators))))
                .build();
    }
}
