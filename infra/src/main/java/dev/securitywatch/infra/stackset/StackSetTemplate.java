package dev.securitywatch.infra.stackset;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import dev.securitywatch.infra.lambda.StagedJar;
import dev.securitywatch.infra.member.MemberStack;
import dev.securitywatch.infra.member.MemberStack.StagedArtifact;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The member side as the StackSet's template, synthesized in an app of its own: the CDK app deploys the StackSet,
 * not this stack, so the template must exist as a file before the StackSet's stack is built. The same cdk-nag
 * checks run on it as on every stack, and an error fails synth here, where the CLI would not see it.
 *
 * @param file the synthesized template
 */
public record StackSetTemplate(Path file) {
    /** The StackSet's name; CloudFormation names the stack in each account and region after it. */
    public static final String NAME = MemberNames.STACK_SET_NAME;
    public static final String REMEDIATION_MODULE = "config-remediation-lambda";

    /**
     * @param outdir where the template and its cdk-nag report go: a folder of the outer app's cloud assembly, so that
     *               it lives as long as the asset that points at it, and goes with {@code cdk.out}
     */
    public static StackSetTemplate synthesize(Catalog catalog, SecurityWatchConfig config, String centralBusArn,
                                              StagedJar remediation, Path outdir) {
        try {
            Files.createDirectories(outdir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outdir + " for the StackSet template", e);
        }
        App app = App.Builder.create().outdir(outdir.toString()).build();
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        MemberStack.forStackSet(app, NAME, catalog, centralBusArn, config, new StagedArtifact(
                ArtifactsStack.bucketName(config.securityAccount(), Aws.REGION), remediation.key()));
        CloudFormationStackArtifact artifact = app.synth().getStackByName(NAME);
        failOnErrors(NAME, errors(artifact));
        return new StackSetTemplate(Path.of(artifact.getTemplateFullPath()));
    }

    static void failOnErrors(String name, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The StackSet template " + name + " has errors:\n  "
                    + String.join("\n  ", errors));
        }
    }

    /** Error annotations (cdk-nag findings, failed validations) of a synthesized stack, one line each. */
    static List<String> errors(CloudFormationStackArtifact artifact) {
        return artifact.getMessages().stream()
                .filter(message -> message.getLevel() == SynthesisMessageLevel.ERROR)
                .map(message -> message.getId() + ": " + message.getEntry().getData())
                .toList();
    }
}
