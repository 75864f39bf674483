package dev.securitywatch.infra.central;

import dev.securitywatch.infra.config.Settings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The health topic: every central alarm notifies it when it fires and when it recovers (see
 * {@link dev.securitywatch.infra.common.HealthAlarms}). It mails {@code health.emails}, so a broken notifier or Slack
 * is still heard, and feeds the notifier's queue, which posts health messages to {@code health.slackChannel} or the
 * default channel. Encrypted under the alerts key, which CloudWatch may use for this account's alarms only.
 */
public final class Health extends Construct {
    private final Topic topic;

    public Health(Construct scope, String id, Settings.Health settings, Key alertsKey) {
        super(scope, id);
        Stack stack = Stack.of(this);
        topic = Topic.Builder.create(this, "Topic")
                .displayName("Security Watch health")
                .masterKey(alertsKey)
                .enforceSsl(true)
                .build();
        alertsKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublishToTheHealthTopic")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build());
        for (String email : settings.emails()) {
            topic.addSubscription(new EmailSubscription(email));
        }
        CfnOutput.Builder.create(this, "HealthTopicArn").value(topic.getTopicArn())
                .description("Every Security Watch alarm notifies this topic; subscribe on-call tooling here").build();
    }

    public Topic topic() {
        return topic;
    }
}
