package dev.securitywatch.infra;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.infra.central.CentralStack;
import dev.securitywatch.infra.common.ComponentTag;
import dev.securitywatch.infra.config.Settings.MemberAccount;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.lambda.StagedJar;
import dev.securitywatch.infra.member.MemberStack;
import dev.securitywatch.infra.stackset.ArtifactsStack;
import dev.securitywatch.infra.stackset.StackSetStack;
import dev.securitywatch.infra.stackset.StackSetTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** Builds every stack of a deployment from its configuration. */
public final class SecurityWatch {
    public static final String CENTRAL_STACK = "SecurityWatch-Central";
    public static final String STACKSET_STACK = "SecurityWatch-StackSet";

    private final CentralStack central;
    private final List<MemberStack> members;
    private final Optional<StackSetStack> stackSet;
    private final List<ArtifactsStack> artifacts;

    private SecurityWatch(CentralStack central, List<MemberStack> members, Optional<StackSetStack> stackSet,
                          List<ArtifactsStack> artifacts) {
        this.central = central;
        this.members = List.copyOf(members);
        this.stackSet = stackSet;
        this.artifacts = List.copyOf(artifacts);
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
                MemberStack member = MemberStack.forAccount(app, memberStackName(account.id(), region), StackProps.builder()
                        .env(env(account.id(), region))
                        .description("Security Watch member stack for " + account.name() + " (" + account.id()
                                + ") in " + region + ": forwards security events to the central bus")
                        .build(), catalog, centralBusArn, config, account);
                Tags.of(member).add(ComponentTag.KEY, "member");
                members.add(member);
            }
        }
        List<ArtifactsStack> artifacts = new ArrayList<>();
        Optional<StackSetStack> stackSet = config.stackSet().map(deployment -> {
            StagedJar remediation = StagedJar.of(StackSetTemplate.REMEDIATION_MODULE);
            for (String region : deployment.regions()) {
                ArtifactsStack staging = new ArtifactsStack(app, artifactsStackName(region), StackProps.builder()
                        .env(env(config.securityAccount(), region))
                        .description("Security Watch artifacts in " + region + ": the remediator's jar for the"
                                + " organization StackSet's member stacks there")
                        .build(), config.organizationId().orElseThrow(), remediation,
                        StackSetTemplate.REMEDIATION_MODULE);
                Tags.of(staging).add(ComponentTag.KEY, "artifacts");
                artifacts.add(staging);
            }
            StackSetStack stack = new StackSetStack(app, STACKSET_STACK, StackProps.builder()
                    .env(env(deployment.administratorAccount(), config.centralRegion()))
                    .description("Security Watch organization StackSet: the member side in every account of "
                            + String.join(", ", deployment.organizationalUnits()))
                    .build(), deployment, StackSetTemplate.synthesize(catalog, config, centralBusArn, remediation,
                    Path.of(app.getOutdir(), "stackset-template")));
            Tags.of(stack).add(ComponentTag.KEY, "stackset");
            return stack;
        });
        return new SecurityWatch(central, members, stackSet, artifacts);
    }

    /** The artifacts bucket's stack of one StackSet region, in the security account. */
    public static String artifactsStackName(String region) {
        return "SecurityWatch-Artifacts-" + region;
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

    public Optional<StackSetStack> stackSet() {
        return stackSet;
    }

    public List<ArtifactsStack> artifacts() {
        return artifacts;
    }
}
