package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import dev.securitywatch.infra.common.HealthAlarms;
import dev.securitywatch.infra.config.Settings.MemberAccount;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** One member account in one region: forwarding rules to the central bus and the security-group remediator. */
public final class MemberStack extends Stack {
    private final ForwardingRules forwarding;
    private final SecurityGroupRemediation remediation;

    public MemberStack(Construct scope, String id, StackProps props, Catalog catalog, String centralBusArn,
                       SecurityWatchConfig config, MemberAccount account) {
        super(scope, id, props);
        forwarding = new ForwardingRules(this, "Forwarding",
                ForwardingPatterns.forRegion(catalog, props.getEnv().getRegion()), centralBusArn);
        remediation = new SecurityGroupRemediation(this, "SecurityGroupRemediation", config, account);
        new SyntheticSourceGuard(this, "SyntheticSourceGuard");
        new Canary(this, "Canary", config.health().canaryMinutes());
        // Last, so that every alarm above is named for forwarding, and synth fails for one that is not.
        HealthAlarms.forwardFromMember(this);
    }

    public SecurityGroupRemediation remediation() {
        return remediation;
    }

    public ForwardingRules forwarding() {
        return forwarding;
    }
}
