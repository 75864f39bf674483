package dev.securitywatch.infra.central;

import dev.securitywatch.infra.config.Settings.Slack;
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
}
