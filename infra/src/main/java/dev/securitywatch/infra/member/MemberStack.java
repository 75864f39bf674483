package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** One member account in one region: forwarding rules to the central bus. */
public final class MemberStack extends Stack {
    private final ForwardingRules forwarding;

    public MemberStack(Construct scope, String id, StackProps props, Catalog catalog, String centralBusArn) {
        super(scope, id, props);
        forwarding = new ForwardingRules(this, "Forwarding",
                ForwardingPatterns.forRegion(catalog, props.getEnv().getRegion()), centralBusArn);
    }

    public ForwardingRules forwarding() {
        return forwarding;
    }
}
