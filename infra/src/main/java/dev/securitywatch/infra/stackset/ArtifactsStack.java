package dev.securitywatch.infra.stackset;

import dev.securitywatch.infra.lambda.StagedJar;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The security account's artifacts bucket in one StackSet region, holding the remediator's jar for the member
 * stacks there (Lambda takes code only from a bucket in its own region). The organization's accounts may read the
 * jars and nothing else; nobody outside it may read anything. {@code cdk deploy} of this stack uploads the current
 * build under its content-named key, beside the earlier ones.
 */
public final class ArtifactsStack extends Stack {
    private final Bucket bucket;

    public ArtifactsStack(Construct scope, String id, StackProps props, String organizationId, StagedJar jar,
                          String module) {
        super(scope, id, props);
        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName(getAccount(), getRegion()))
                // SSE-S3: a KMS key would need a key policy for every account of the organization as well.
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                // Member stacks were created from these objects; CloudFormation may need them again to roll back.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("OrganizationReadsTheJars")
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:GetObject", "s3:GetObjectVersion"))
                .resources(List.of(bucket.arnForObjects(StagedJar.prefix(module) + "*")))
                .conditions(Map.of("StringEquals", Map.of("aws:PrincipalOrgID", organizationId)))
                .build());
        BucketDeployment.Builder.create(this, "Jar")
                .sources(List.of(Source.asset(jar.directory().toString())))
                .destinationBucket(bucket)
                .destinationKeyPrefix(StagedJar.prefix(module))
                // Earlier jars stay: stacks not yet updated, and rollbacks, still name them.
                .prune(false)
                .retainOnDelete(true)
                .build();

        NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("Holds only build artifacts that the organization reads; CloudTrail data events, not access"
                        + " logs, are the place to audit reads of a bucket like this.")
                .build()), true);
        NagSuppressions.addStackSuppressions(this, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("The CDK's bucket-deployment function runs with AWSLambdaBasicExecutionRole (its own"
                                + " logs only); it is the CDK's construct, not ours to re-role.")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                                + "AWSLambdaBasicExecutionRole"))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("The CDK's bucket-deployment function copies from the CDK asset bucket to this"
                                + " bucket: the wildcards are object keys of those two buckets.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("The CDK's bucket-deployment function: its runtime is the CDK's choice and moves"
                                + " with CDK upgrades.")
                        .build()));
    }

    /** The artifacts bucket of the security account in a region; the StackSet template names it by its region. */
    public static String bucketName(String securityAccount, String region) {
        return "security-watch-artifacts-" + securityAccount + "-" + region;
    }

    public Bucket bucket() {
        return bucket;
    }
}
