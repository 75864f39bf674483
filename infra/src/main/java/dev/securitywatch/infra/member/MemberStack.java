package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.catalog.RegionScope;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import dev.securitywatch.infra.common.HealthAlarms;
import dev.securitywatch.infra.config.Settings.MemberAccount;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.member.ForwardingRules.RuleGroup;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * One member account in one region: forwarding rules to the central bus, the security-group remediator, the guard
 * on Security Watch's own sources and the canary. Either a stack of its own ({@link #forAccount}) or the one
 * template the organization's StackSet deploys everywhere ({@link #forStackSet}).
 */
public final class MemberStack extends Stack {
    private final ForwardingRules forwarding;
    private final SecurityGroupRemediation remediation;

    /** What differs between the two kinds of member. */
    private record Kind(MemberNames names, RemediationPolicy policy, Optional<StagedArtifact> remediationJar) {
    }

    /**
     * A jar staged for a StackSet template.
     *
     * @param bucketName the artifacts bucket in the region the template is deployed to (with the region's token)
     * @param key        the jar's key in that bucket
     */
    public record StagedArtifact(String bucketName, String key) {
    }

    private MemberStack(Construct scope, String id, StackProps props, Catalog catalog, String centralBusArn,
                        SecurityWatchConfig config, Kind kind) {
        super(scope, id, props);
        List<RuleGroup> rules;
        GlobalServices global;
        if (kind.names() == MemberNames.STACKSET) {
            // One template for every region: the global-services rules and heartbeat exist only in us-east-1.
            CfnCondition usEast1 = CfnCondition.Builder.create(this, "InGlobalServiceRegion")
                    .expression(Fn.conditionEquals(Aws.REGION, RegionScope.GLOBAL_SERVICE_REGION)).build();
            CfnCondition elsewhere = CfnCondition.Builder.create(this, "OutsideGlobalServiceRegion")
                    .expression(Fn.conditionNot(usEast1)).build();
            rules = List.of(
                    new RuleGroup("Rule", ForwardingPatterns.outsideGlobalServiceRegion(catalog), elsewhere),
                    new RuleGroup("GlobalRule", ForwardingPatterns.forRegion(catalog,
                            RegionScope.GLOBAL_SERVICE_REGION), usEast1));
            global = GlobalServices.where(usEast1);
        } else {
            String region = props.getEnv().getRegion();
            rules = List.of(new RuleGroup("Rule", ForwardingPatterns.forRegion(catalog, region), null));
            global = GlobalServices.inRegion(region);
        }
        forwarding = new ForwardingRules(this, "Forwarding", kind.names(), rules, centralBusArn);
        Optional<Code> remediationCode = kind.remediationJar().map(jar -> Code.fromBucket(
                Bucket.fromBucketName(this, "Artifacts", jar.bucketName()), jar.key()));
        remediation = new SecurityGroupRemediation(this, "SecurityGroupRemediation", config, kind.names(),
                kind.policy(), remediationCode);
        if (remediationCode.isPresent()) {
            Annotations.of(this).acknowledgeWarning("@aws-cdk/aws-lambda:codeFromBucketObjectVersionNotSpecified",
                    "The key names the jar by its content: a new build is a new key, so the template changes.");
        }
        new SyntheticSourceGuard(this, "SyntheticSourceGuard", kind.names());
        new Canary(this, "Canary", kind.names(), config.health().canaryMinutes(), global);
        // Last, so that every alarm above is named for forwarding, and synth fails for one that is not.
        HealthAlarms.forwardFromMember(this, kind.names());
    }

    /** A stack of its own for one member account and region, deployed with {@code cdk deploy}. */
    public static MemberStack forAccount(Construct scope, String id, StackProps props, Catalog catalog,
                                         String centralBusArn, SecurityWatchConfig config, MemberAccount account) {
        return new MemberStack(scope, id, props, catalog, centralBusArn, config, new Kind(MemberNames.STACKS,
                config.remediation().policyFor(account.id()), Optional.empty()));
    }

    /**
     * The StackSet's template: account- and region-agnostic, and without assets (the bootstrapless synthesizer
     * refuses one), so CloudFormation can deploy it to accounts that were never bootstrapped. Every account runs
     * the global remediation mode; the remediator's jar is the copy staged in the region's artifacts bucket.
     */
    public static MemberStack forStackSet(Construct scope, String id, Catalog catalog, String centralBusArn,
                                          SecurityWatchConfig config, StagedArtifact remediationJar) {
        return new MemberStack(scope, id, StackProps.builder()
                .synthesizer(new BootstraplessSynthesizer())
                .description("Security Watch member (organization StackSet): forwards security events to the"
                        + " central bus, remediates security-group ingress, proves its path with a canary")
                .build(), catalog, centralBusArn, config, new Kind(MemberNames.STACKSET,
                config.remediation().policy(), Optional.of(remediationJar)));
    }

    public SecurityGroupRemediation remediation() {
        return remediation;
    }

    public ForwardingRules forwarding() {
        return forwarding;
    }
}
