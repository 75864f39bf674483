package dev.securitywatch.infra.member;

import dev.securitywatch.infra.common.ComponentTag;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.lambda.JavaFunction;
import dev.securitywatch.infra.lambda.LambdaEnvironment;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import dev.securitywatch.remediation.policy.PolicyJson;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.config.CustomRule;
import software.amazon.awscdk.services.config.MaximumExecutionFrequency;
import software.amazon.awscdk.services.config.ResourceType;
import software.amazon.awscdk.services.config.RuleScope;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.constructs.Construct;

/**
 * The AWS Config custom rule that evaluates security-group ingress against the allow-list and, in the configured
 * mode, rewrites it. Config recording must already be on in the account and region.
 */
public final class SecurityGroupRemediation extends Construct {
    static final String HANDLER = "dev.securitywatch.remediation.handler.RemediationHandler::handleRequest";
    /** The tag CloudFormation puts on every group of a stack (the remediator's {@code SecurityGroup} reads it too). */
    static final String CLOUDFORMATION_STACK_TAG = "aws:cloudformation:stack-name";

    private final JavaFunction function;
    private final CustomRule rule;

    /**
     * @param names  the kind of member: the role and the Config rule carry its names (the notifier recognises
     *               automation by the role, the function serves only the rule)
     * @param policy the policy this member runs with: its account's mode in a per-account stack, the global one
     *               in the StackSet
     * @param code   where the function's jar is: the CDK asset when empty, else the StackSet's staged copy
     */
    public SecurityGroupRemediation(Construct scope, String id, SecurityWatchConfig config, MemberNames names,
                                    RemediationPolicy policy, Optional<Code> code) {
        super(scope, id);
        Stack stack = Stack.of(this);
        Map<String, String> env = new LinkedHashMap<>(LambdaEnvironment.shared(config));
        env.put("REMEDIATION_POLICY", LambdaEnvironment.json(PolicyJson.write(policy)));
        env.put("POWERTOOLS_SERVICE_NAME", "security-watch-remediation");
        env.put("CONFIG_RULE_NAME", names.configRule());
        JavaFunction.Spec spec = JavaFunction.Spec.of("config-remediation-lambda", HANDLER,
                        "Security Watch: evaluates and rewrites security-group ingress to the allow-list",
                        1024, Duration.minutes(5), env)
                .withRoleName(names.remediationRole(stack.getRegion()));
        function = new JavaFunction(this, "Lambda", code.map(spec::withCode).orElse(spec));

        String ec2Arn = "arn:aws:ec2:" + stack.getRegion() + ":" + stack.getAccount();
        String securityGroups = ec2Arn + ":security-group/*";
        String securityGroupRules = ec2Arn + ":security-group-rule/*";
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules",
                        "config:PutEvaluations", "config:GetResourceConfigHistory"))
                .resources(List.of("*")).build());
        grantWritesByMode(policy, securityGroups, securityGroupRules);
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of("arn:aws:events:" + stack.getRegion() + ":" + stack.getAccount()
                        + ":event-bus/default")).build());
        NagSuppressions.addResourceSuppressions(function.role(), List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("EC2 Describe* calls and Config PutEvaluations/GetResourceConfigHistory do not support"
                                + " resource-level permissions; AWS requires Resource *. All four are read or report"
                                + " calls.")
                        .appliesTo(List.of("Resource::*")).build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("The remediator must be able to change any security group of its own account and"
                                + " region, in the writes its mode allows; exemptions are enforced in code on the"
                                + " live group, and IAM refuses groups with the component or exemption tag.")
                        // A pattern, not the ARNs: in the StackSet's template the account and region are tokens.
                        .appliesTo(List.of(RegexAppliesTo.builder()
                                .regex("/^Resource::arn:aws:ec2:.+:security-group(-rule)?\\/\\*$/")
                                .build()))
                        .build()), true);

        rule = CustomRule.Builder.create(this, "Rule")
                .configRuleName(names.configRule())
                .description("Security Watch: security-group ingress matches the allow-list ("
                        + policy.mode() + ")")
                // Through an imported reference: the CDK would otherwise attach AWSConfigRulesExecutionRole to the
                // function's role, which grants config:Put* and reads of Config logs in any bucket.
                .lambdaFunction(Function.fromFunctionAttributes(this, "RuleTarget", FunctionAttributes.builder()
                        .functionArn(function.alias().getFunctionArn()).sameEnvironment(true).build()))
                .configurationChanges(true)
                .periodic(true)
                .maximumExecutionFrequency(MaximumExecutionFrequency.valueOf(
                        frequencyConstant(config.remediation().periodicFrequency())))
                .ruleScope(RuleScope.fromResources(List.of(ResourceType.EC2_SECURITY_GROUP)))
                .build();
    }

    /**
     * EC2 writes by mode: none in REPORT_ONLY, revoke only in REVOKE_ONLY, both in ENFORCE. IAM itself refuses a
     * change to a group that carries Security Watch's component tag or the exemption tag, or, where CloudFormation
     * groups are only reported, a stack's tag: a second guard behind the code's own reading of the live group.
     */
    private void grantWritesByMode(RemediationPolicy policy, String securityGroups, String securityGroupRules) {
        List<String> actions = new ArrayList<>();
        if (policy.mode().revokes()) {
            actions.add("ec2:RevokeSecurityGroupIngress");
        }
        if (policy.mode().authorizes()) {
            actions.add("ec2:AuthorizeSecurityGroupIngress");
        }
        if (actions.isEmpty()) {
            return;
        }
        Map<String, String> untagged = new LinkedHashMap<>();
        untagged.put("aws:ResourceTag/" + ComponentTag.KEY, "true");
        untagged.put("aws:ResourceTag/" + policy.exemptTagKey(), "true");
        RemediationMode cloudFormation = policy.mode().atMost(policy.cloudFormationGroupPolicy());
        if (!cloudFormation.revokes() && !cloudFormation.authorizes()) {
            untagged.put("aws:ResourceTag/" + CLOUDFORMATION_STACK_TAG, "true");
        }
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(securityGroups, securityGroupRules))
                .conditions(Map.of("Null", untagged))
                .build());
    }

    /** Config's names (TwentyFour_Hours) to the CDK enum's (TWENTY_FOUR_HOURS). */
    private static String frequencyConstant(String configName) {
        return configName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    public JavaFunction function() {
        return function;
    }

    public CustomRule rule() {
        return rule;
    }
}
