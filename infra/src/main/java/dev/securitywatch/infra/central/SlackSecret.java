package dev.securitywatch.infra.central;

import dev.securitywatch.infra.config.Settings.Slack;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/** The existing Secrets Manager secret with the Slack webhook or bot token. The stack never creates or reads it. */
final class SlackSecret {
    private SlackSecret() {
    }

    static ISecret reference(Construct scope, Slack slack) {
        return slack.secretName().startsWith("arn:")
                ? Secret.fromSecretCompleteArn(scope, "SlackSecret", slack.secretName())
                : Secret.fromSecretNameV2(scope, "SlackSecret", slack.secretName());
    }

    /**
     * Read access, plus {@code kms:Decrypt} on the secret's customer managed key when there is one, usable only
     * through Secrets Manager. Added by hand: CDK's grant on an imported key through a via-service principal adds
     * nothing.
     */
    static void grantRead(ISecret secret, Slack slack, IRole role) {
        secret.grantRead(role);
        slack.kmsKeyArn().ifPresent(key -> {
            String[] arn = slack.secretName().split(":");
            String region = arn.length > 6 && slack.secretName().startsWith("arn:") ? arn[3]
                    : Stack.of(role).getRegion();
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt"))
                    .resources(List.of(key))
                    .conditions(Map.of("StringEquals",
                            Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com")))
                    .build());
        });
    }
}
