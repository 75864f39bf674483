package dev.securitywatch.infra.central;

import dev.securitywatch.infra.common.DeadLetterQueue;
import dev.securitywatch.infra.common.ScheduledInvocation;
import dev.securitywatch.infra.config.Settings.HubMemberCheck;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.config.Settings.StackSetDeployment;
import dev.securitywatch.infra.lambda.JavaFunction;
import dev.securitywatch.infra.lambda.LambdaEnvironment;
import dev.securitywatch.infra.stackset.StackSetTemplate;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/** The daily Security Hub membership snapshot: an S3 bucket of snapshots, a schedule, and the check Lambda. */
public final class MembershipWatch extends Construct {
    static final String HANDLER = "dev.securitywatch.hubcheck.handler.HubMemberCheckHandler::handleRequest";
    /** Written by the membership check, read by the notifier's coverage check (lambda-kit's OrganizationInventory). */
    static final String INVENTORY_KEY = "organization/inventory.json";

    private final IBucket bucket;
    private final JavaFunction function;
    private final Schedule schedule;
    private final DeadLetterQueue deadLetters;
    /** Null when an existing bucket is adopted: its encryption is the owner's to grant. */
    private final Key snapshotsKey;

    public MembershipWatch(Construct scope, String id, SecurityWatchConfig config, ISecret slackSecret) {
        super(scope, id);
        HubMemberCheck settings = config.hubMemberCheck();
        snapshotsKey = settings.bucketName().isPresent() ? null : Key.Builder.create(this, "SnapshotsKey")
                .description("Security Watch: encrypts Security Hub membership snapshots")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        bucket = settings.bucketName().isPresent()
                ? Bucket.fromBucketName(this, "Snapshots", settings.bucketName().get())
                : newBucket(snapshotsKey, settings.snapshotRetentionDays());

        Map<String, String> env = new LinkedHashMap<>(LambdaEnvironment.shared(config));
        env.putAll(LambdaEnvironment.slack(config));
        env.put("SNAPSHOT_BUCKET", bucket.getBucketName());
        env.put("HUB_REGIONS", String.join(",", settings.regions()));
        env.put("CENTRAL_REGION", config.centralRegion());
        env.put("READ_ORGANIZATIONS", Boolean.toString(settings.readOrganizations()));
        env.put("REPORT_TIMEZONE", settings.timezone());
        env.put("SECURITY_ACCOUNT", Stack.of(this).getAccount());
        env.put("POWERTOOLS_SERVICE_NAME", "security-watch-hub-member-check");
        // The StackSet's instances go into the organization's inventory, which exists only with Organizations read.
        Optional<StackSetDeployment> stackSet = config.stackSet().filter(ignored -> settings.readOrganizations());
        stackSet.ifPresent(deployment -> env.putAll(stackSetEnvironment(deployment, config.securityAccount())));
        function = new JavaFunction(this, "Lambda", JavaFunction.Spec.of("hub-member-check-lambda", HANDLER,
                "Security Watch: snapshots Security Hub membership, diffs it with the previous snapshot, reports",
                512, Duration.minutes(5), env).withFileSettings(LambdaEnvironment.accountNames(config)));

        String account = Stack.of(this).getAccount();
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("securityhub:ListMembers"))
                .resources(settings.regions().stream()
                        .map(region -> "arn:aws:securityhub:" + region + ":" + account + ":hub/default").toList())
                .build());
        if (settings.readOrganizations()) {
            function.role().addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("organizations:ListAccounts")).resources(List.of("*")).build());
            // The enabled regions of the organization's accounts, and of this one, for the coverage check.
            String partition = Stack.of(this).getPartition();
            function.role().addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("account:ListRegions"))
                    .resources(List.of("arn:" + partition + ":account::" + account + ":account",
                            "arn:" + partition + ":account::*:account/o-*/*"))
                    .build());
            NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("organizations:ListAccounts has no resource-level permissions; AWS requires Resource *."
                            + " account:ListRegions names a member account as account/o-<org>/<id> under the"
                            + " management account, neither known at synth. Both calls are read-only.")
                    .appliesTo(List.of("Resource::*", RegexAppliesTo.builder()
                            .regex("/^Resource::arn:[^:]+:account::\\*:account\\/o-\\*\\/\\*$/")
                            .build()))
                    .build()), true);
        }
        stackSet.filter(deployment -> readsStackSet(deployment, config.securityAccount()))
                .ifPresent(deployment -> grantStackSetRead(deployment, config.centralRegion()));
        grantSnapshotAccess();
        SlackSecret.grantRead(slackSecret, config.slack(), function.role());

        deadLetters = new DeadLetterQueue(this, "DeadLetters", "the scheduled membership check");
        // The run diffs against snapshots older than its scheduled time, so retries agree.
        schedule = ScheduledInvocation.create(this, "Schedule", "Security Watch: daily Security Hub membership check",
                settings.schedule(), settings.timezone(), function.alias(),
                ScheduleTargetInput.fromObject(Map.of("scheduledTime", ContextAttribute.getScheduledTime())),
                Optional.of(deadLetters));
    }

    /** Only the StackSet's administrator can list its instances, so only then does the security account read them. */
    private static boolean readsStackSet(StackSetDeployment deployment, String securityAccount) {
        return deployment.administratorAccount().equals(securityAccount);
    }

    /** The StackSet to read and how, or why it is not read: the coverage report lists that under "not checked". */
    private static Map<String, String> stackSetEnvironment(StackSetDeployment deployment, String securityAccount) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STACKSET_NAME", StackSetTemplate.NAME);
        if (readsStackSet(deployment, securityAccount)) {
            env.put("STACKSET_CALL_AS", deployment.callAs());
        } else {
            env.put("STACKSET_UNREADABLE", "the StackSet is administered from " + deployment.administratorAccount()
                    + ", and only its administrator can list its instances: deploy it from the security account "
                    + securityAccount + " as delegated administrator (deployment.administratorAccount, callAs "
                    + StackSetDeployment.DELEGATED_ADMIN + ") to have them checked");
        }
        return env;
    }

    /**
     * {@code ListStackInstances} on the one StackSet, in the central region where its stack deploys it. Its ARN ends
     * in a generated id, and a delegated administrator's service-managed StackSet is created in the management
     * account, whose id the configuration does not hold: the account is left open, the name and region are not.
     */
    private void grantStackSetRead(StackSetDeployment deployment, String centralRegion) {
        String partition = Stack.of(this).getPartition();
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudformation:ListStackInstances"))
                .resources(List.of("arn:" + partition + ":cloudformation:" + centralRegion + ":*:stackset/"
                        + StackSetTemplate.NAME + ":*"))
                .build());
        List<Object> appliesTo = new ArrayList<>(List.of(RegexAppliesTo.builder()
                .regex("/^Resource::arn:[^:]+:cloudformation:[a-z0-9-]+:\\*:stackset\\/" + StackSetTemplate.NAME
                        + ":\\*$/")
                .build()));
        String reason = "cloudformation:ListStackInstances (read-only) is limited to the " + StackSetTemplate.NAME
                + " StackSet in the central region; its ARN ends in a generated id, and a delegated administrator's"
                + " service-managed StackSet lives in the management account, whose id is not configured.";
        if (deployment.callAs().equals(StackSetDeployment.DELEGATED_ADMIN)) {
            function.role().addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("organizations:ListDelegatedAdministrators")).resources(List.of("*")).build());
            appliesTo.add("Resource::*");
            reason += " organizations:ListDelegatedAdministrators (read-only), which a delegated administrator needs"
                    + " for CloudFormation to confirm its registration, has no resource-level permissions (Resource *).";
        }
        NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5").reason(reason).appliesTo(appliesTo).build()), true);
    }

    /** Exact actions instead of the CDK's grant helpers, whose action wildcards a reviewer must then justify. */
    private void grantSnapshotAccess() {
        String snapshots = bucket.arnForObjects("snapshots/*");
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject")).resources(List.of(snapshots)).build());
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject")).resources(List.of(bucket.arnForObjects(INVENTORY_KEY))).build());
        // The original stack's memberLog/YYYYMMDD.json files, read once as the history to diff against.
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject")).resources(List.of(bucket.arnForObjects("memberLog/*"))).build());
        function.role().addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of("snapshots/*", "memberLog/*"))))
                .build());
        if (snapshotsKey != null) {
            function.role().addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey")).resources(List.of(snapshotsKey.getKeyArn()))
                    .build());
        }
        NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Snapshot keys are dated (snapshots/yyyy/mm/dd/<takenAt>.json), so the Lambda may read and"
                        + " write any object under snapshots/ of its own bucket, and read the original stack's"
                        + " memberLog/ history. Its only other object, organization/inventory.json, is granted by exact"
                        + " key.")
                .appliesTo(List.of(RegexAppliesTo.builder()
                        .regex("/^Resource::.*\\/(snapshots|memberLog)\\/\\*$/").build()))
                .build()), true);
    }

    /**
     * The coverage check's access: it reads the organization's inventory and keeps its daily report under
     * {@code coverage/}. Exact actions, as for the membership check itself.
     */
    public void grantCoverage(IRole role) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject")).resources(List.of(bucket.arnForObjects(INVENTORY_KEY))).build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject")).resources(List.of(bucket.arnForObjects("coverage/*"))).build());
        // GetObject of a key that does not exist answers 403 instead of 404 without ListBucket on the prefix.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringEquals", Map.of("s3:prefix", List.of(INVENTORY_KEY))))
                .build());
        if (snapshotsKey != null) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey")).resources(List.of(snapshotsKey.getKeyArn()))
                    .build());
        }
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The daily coverage reports are dated (coverage/yyyy/mm/dd.json), so the notifier may write"
                        + " any object under coverage/ of the membership bucket; it reads only the inventory.")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::.*\\/coverage\\/\\*$/").build()))
                .build()), true);
    }

    private Bucket newBucket(Key key, int retentionDays) {
        Bucket created = Bucket.Builder.create(this, "Snapshots")
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-snapshots")
                        .expiration(Duration.days(retentionDays))
                        .noncurrentVersionExpiration(Duration.days(30))
                        .build()))
                .build();
        NagSuppressions.addResourceSuppressions(created, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("Only the membership-check Lambda writes here, one small JSON file a day; its writes are in"
                        + " CloudTrail, and a second access-log bucket would add cost without audit value.")
                .build()));
        return created;
    }

    public IBucket bucket() {
        return bucket;
    }

    /** The snapshots' key, unless an existing bucket was adopted with its own encryption. */
    public Optional<IKey> key() {
        return Optional.ofNullable(snapshotsKey);
    }

    public JavaFunction function() {
        return function;
    }

    public Schedule schedule() {
        return schedule;
    }

    public DeadLetterQueue deadLetters() {
        return deadLetters;
    }
}
