package dev.securitywatch.infra;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.infra.central.CentralStack;
import dev.securitywatch.infra.common.ComponentTag;
import dev.securitywatch.infra.config.Settings.MemberAccount;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.member.MemberStack;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** Builds every stack of a deployment from its configuration. */
public final class SecurityWatch {
    public static final String CENTRAL_STACK = "SecurityWatch-Central";

    private final CentralStack central;
    private final List<MemberStack> members;

    private SecurityWatch(CentralStack central, List<MemberStack> members) {
        this.central = central;
        this.members = List.copyOf(members);
    }

    public static SecurityWatch build(App app, SecurityWatchConfig config) {
        Catalog catalog = Catalog.defaults().configure(config.catalog());
        CentralStack central = new CentralStack(app, CENTRAL_STACK, StackProps.builder()
                .env(env(config.securityAccount(), config.centralRegion()))
                .description("Security Watch central stack: event bus, alerts topic and audit log")
                .build(), config, catalog);
        Tags.of(central).add(ComponentTag.KEY, "central");

        String centralBusArn = "arn:aws:events:" + config.centralRegion() + ":" + config.securityAccount()
                + ":event-bus/" + config.centralBusName();
        List<MemberStack> members = new ArrayList<>();
        for (MemberAccount account : config.memberAccounts()) {
            for (String region : account.regions()) {
                MemberStack member = new MemberStack(app, memberStackName(account.id(), region), StackProps.builder()
                        .env(env(account.id(), region))
                        .description("Security Watch member stack for " + account.name() + " (" + account.id()
                                + ") in " + region + ": forwards security events to the central bus")
                        .build(), catalog, centralBusArn, config, account);
                Tags.of(member).add(ComponentTag.KEY, "member");
                members.add(member);
            }
        }
        return new SecurityWatch(central, members);
    }

    /** Named so one account deploys with a glob: {@code cdk deploy 'SecurityWatch-Member-111111111111-*'}. */
    public static String memberStackName(String accountId, String region) {
        return "SecurityWatch-Member-" + accountId + "-" + region;
    }

    private static Environment env(String account, String region) {
        return Environment.builder().account(account).region(region).build();
    }

    public CentralStack central() {
        return central;
    }

    public List<MemberStack> members() {
        return members;
    }
}
