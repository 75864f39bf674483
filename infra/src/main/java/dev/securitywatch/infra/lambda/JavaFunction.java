package dev.securitywatch.infra.lambda;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A Security Watch Lambda: the module's fat jar on java21 with SnapStart on published versions, reached through the
 * {@code live} alias, with its own log group, a role that can write only to that log group, and an errors alarm.
 */
public final class JavaFunction extends Construct {

    /**
     * What differs between the project's Lambdas.
     *
     * @param fileSettings settings that grow with the deployment: shipped in a layer, see {@link #SETTINGS_FILE}
     * @param code the module's jar as a CDK asset when null; a staged copy in a StackSet template
     */
    public record Spec(String module, String handler, String description, int memoryMiB, Duration timeout,
                       Map<String, String> environment, Map<String, String> fileSettings, String roleName, IVpc vpc,
                       ISecurityGroup securityGroup, Code code) {
        public Spec {
            environment = Map.copyOf(environment);
            fileSettings = Map.copyOf(fileSettings);
        }

        public static Spec of(String module, String handler, String description, int memoryMiB, Duration timeout,
                              Map<String, String> environment) {
            return new Spec(module, handler, description, memoryMiB, timeout, environment, Map.of(), null, null,
                    null, null);
        }

        public Spec withFileSettings(Map<String, String> settings) {
            return new Spec(module, handler, description, memoryMiB, timeout, environment, settings, roleName, vpc,
                    securityGroup, code);
        }

        public Spec withRoleName(String name) {
            return new Spec(module, handler, description, memoryMiB, timeout, environment, fileSettings, name, vpc,
                    securityGroup, code);
        }

        public Spec inVpc(IVpc network, ISecurityGroup group) {
            return new Spec(module, handler, description, memoryMiB, timeout, environment, fileSettings, roleName,
                    network, group, code);
        }

        public Spec withCode(Code staged) {
            return new Spec(module, handler, description, memoryMiB, timeout, environment, fileSettings, roleName,
                    vpc, securityGroup, staged);
        }
    }

    /**
     * Where a function finds its {@link Spec#fileSettings()}: lambda-kit's SettingsFile reads this variable and adds
     * the file's settings to the environment. Lambda unpacks layers under /opt.
     */
    static final String SETTINGS_FILE = "SETTINGS_FILE";
    static final String SETTINGS_PATH = "security-watch/settings.json";

    private final Role role;
    private final Function function;
    private final Alias alias;
    private final LogGroup logGroup;
    private final Alarm errors;

    public JavaFunction(Construct scope, String id, Spec spec) {
        super(scope, id);
        // Kept when the stack goes: a function's log is evidence of what it did.
        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_YEAR)
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        Role.Builder roleBuilder = Role.Builder.create(this, "Role")
                .description("Security Watch " + spec.module())
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"));
        if (spec.roleName() != null) {
            roleBuilder.roleName(spec.roleName());
        }
        role = roleBuilder.build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());

        Function.Builder builder = Function.Builder.create(this, "Function")
                .description(spec.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(spec.code() != null ? spec.code() : Code.fromAsset(LambdaJar.of(spec.module()).toString()))
                .handler(spec.handler())
                .memorySize(spec.memoryMiB())
                .timeout(spec.timeout())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logGroup);
        Map<String, String> environment = withJavaOptions(spec.environment());
        if (!spec.fileSettings().isEmpty()) {
            environment.put(SETTINGS_FILE, "/opt/" + SETTINGS_PATH);
            builder.layers(List.of(LayerVersion.Builder.create(this, "Settings")
                    .description("Security Watch " + spec.module() + " settings that grow with the deployment")
                    .code(Code.fromAsset(settingsDirectory(spec.fileSettings()).toString()))
                    .compatibleRuntimes(List.of(Runtime.JAVA_21))
                    .compatibleArchitectures(List.of(Architecture.ARM_64))
                    .build()));
        }
        builder.environment(environment);
        checkEnvironmentSize(spec.module(), environment);
        if (spec.vpc() != null) {
            builder.vpc(spec.vpc())
                    .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                    .securityGroups(List.of(spec.securityGroup()));
            grantNetworkInterfaces(spec);
        }
        function = builder.build();
        alias = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every deployment publishes a version (currentVersion) behind the live alias.");

        errors = Alarm.Builder.create(this, "Errors")
                .alarmDescription("Security Watch: " + spec.module() + " failed. Read its log group "
                        + "for the error; where the function has a dead-letter queue, the failed events are there.")
                .metric(alias.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();

        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("Pinned to java21: the runtime the jars are built and tested for, with SnapStart; moving to"
                        + " a newer Java runtime is a deliberate, tested upgrade, not an automatic one.")
                .build()));
    }

    /**
     * What AWSLambdaVPCAccessExecutionRole grants, scoped: network interfaces are created only in the function's own
     * subnets with its own security group, and changed or deleted only in this account and region. The Describe
     * calls have no resource-level permissions.
     */
    private void grantNetworkInterfaces(Spec spec) {
        Stack stack = Stack.of(this);
        String ec2 = "arn:" + stack.getPartition() + ":ec2:" + stack.getRegion() + ":" + stack.getAccount() + ":";
        String interfaces = ec2 + "network-interface/*";
        List<String> subnets = spec.vpc().selectSubnets(SubnetSelection.builder()
                .subnetType(SubnetType.PRIVATE_ISOLATED).build()).getSubnetIds().stream()
                .map(subnet -> ec2 + "subnet/" + subnet).toList();
        List<String> createOn = new ArrayList<>(subnets);
        createOn.add(ec2 + "security-group/" + spec.securityGroup().getSecurityGroupId());
        createOn.add(interfaces);
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ec2:CreateNetworkInterface")).resources(createOn).build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                        "ec2:UnassignPrivateIpAddresses"))
                .resources(List.of(interfaces)).build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"))
                .resources(List.of("*")).build());
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("A VPC Lambda's network interfaces get ids only when Lambda creates them, so they are granted"
                        + " as network-interface/* of this account and region; DescribeNetworkInterfaces and"
                        + " DescribeSubnets have no resource-level permissions.")
                .appliesTo(List.of("Resource::*", RegexAppliesTo.builder()
                        .regex("/^Resource::arn:[^:]+:ec2:[^:]+:[^:]+:network-interface\\/\\*$/").build()))
                .build()), true);
    }

    /** Lambda refuses a function whose variables, names and values together, exceed 4 KB. */
    static final int ENVIRONMENT_LIMIT_BYTES = 4096;
    /** What an unresolved token (a table name, an ARN) is counted as: longer than any it stands for here. */
    static final int TOKEN_ESTIMATE_BYTES = 160;

    /** Fails synth, naming the largest variables, instead of letting the deploy fail on Lambda's limit. */
    private void checkEnvironmentSize(String module, Map<String, String> environment) {
        int size = environmentBytes(environment);
        if (size > ENVIRONMENT_LIMIT_BYTES) {
            List<String> largest = environment.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(bytes(b.getValue()), bytes(a.getValue())))
                    .limit(3).map(e -> e.getKey() + " (" + bytes(e.getValue()) + " bytes)").toList();
            Annotations.of(this).addError(module + ": the Lambda environment would be about " + size
                    + " bytes, over Lambda's 4 KB limit. Largest: " + String.join(", ", largest)
                    + ". REMEDIATION_POLICY comes from ingressAllowList and exemptSecurityGroupIds: shorten those;"
                    + " settings that grow with the deployment belong in Spec.withFileSettings.");
        }
    }

    static int environmentBytes(Map<String, String> environment) {
        return environment.entrySet().stream().mapToInt(e -> bytes(e.getKey()) + bytes(e.getValue())).sum();
    }

    private static int bytes(String value) {
        return Token.isUnresolved(value) ? TOKEN_ESTIMATE_BYTES : value.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A folder of the cloud assembly holding only {@link #SETTINGS_PATH}: it lives as long as the asset made from it,
     * whether the asset is copied or (with asset staging off) used where it is, and goes with {@code cdk.out}.
     */
    private Path settingsDirectory(Map<String, String> settings) {
        try {
            Path directory = Path.of(Stage.of(this).getOutdir(), "lambda-settings", getNode().getAddr());
            Path file = directory.resolve(SETTINGS_PATH);
            Files.createDirectories(file.getParent());
            Files.writeString(file, LambdaEnvironment.json(settings));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Lambda settings file", e);
        }
    }

    /** Tiered compilation to C1 only: the usual advice for short Lambda invocations (faster warm-up). */
    private static Map<String, String> withJavaOptions(Map<String, String> environment) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.putIfAbsent("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        return all;
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    public Alarm errors() {
        return errors;
    }
}
