package dev.securitywatch.infra.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.SecurityWatch;
import dev.securitywatch.infra.SecurityWatchApp;
import dev.securitywatch.infra.config.ContextReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The alerts buffer: topic → encrypted queue → notifier in batches, failures back to the queue, then the DLQ. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierQueueTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private Template central;

    static Template central(Map<String, Object> context) {
        return Template.fromStack(centralStack(context));
    }

    static CentralStack centralStack(Map<String, Object> context) {
        App app = App.Builder.create().context(context).build();
        return SecurityWatch.build(app,
                new ContextReader(app.getNode()::tryGetContext, SecurityWatchApp.knownRegions()).read()).central();
    }

    @BeforeAll
    void synthesize() {
        central = central(DefaultContext.get());
    }

    private JsonNode resources(String type) {
        return MAPPER.valueToTree(central.findResources(type));
    }

    private JsonNode alertsQueue() {
        for (JsonNode queue : resources("AWS::SQS::Queue")) {
            if (queue.path("Properties").has("RedrivePolicy")) {
                return queue.path("Properties");
            }
        }
        throw new AssertionError("no queue with a redrive policy");
    }

    @Test
    void theQueueIsEncryptedUnderTheAlertsKeyAndRedrivesIntoTheAlarmedDeadLetterQueue() {
        JsonNode queue = alertsQueue();

        assertThat(queue.path("KmsMasterKeyId").toString()).contains("AlertsKey");
        assertThat(queue.path("VisibilityTimeout").asInt()).as("6 × the 120 s timeout + the 10 s window")
                .isEqualTo(730);
        assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").toString())
                .contains("NotifierDeadLetters");
        assertThat(resources("AWS::CloudWatch::Alarm").toString()).contains("NotifierDeadLetters");
        central.hasOutput("*", Map.of("Value", Map.of("Fn::GetAtt",
                List.of(Match.stringLikeRegexp("NotifierDeadLettersQueue.*"), "Arn"))));
    }

    @Test
    void onlyTheAlertsTopicMaySendToTheQueueAndSnsMayUseTheKeyOnlyForThisAccount() {
        String queuePolicy = resources("AWS::SQS::QueuePolicy").toString();
        assertThat(queuePolicy).contains("sns.amazonaws.com", "sqs:SendMessage", "aws:SourceArn", "AlertsTopic",
                "aws:SecureTransport");
        JsonNode keyStatement = null;
        for (JsonNode statement : resources("AWS::KMS::Key").elements().next().path("Properties")
                .path("KeyPolicy").path("Statement")) {
            if (statement.path("Principal").toString().contains("sns.amazonaws.com")) {
                keyStatement = statement;
            }
        }
        assertThat(keyStatement).as("a key statement for SNS").isNotNull();
        assertThat(keyStatement.path("Condition").toString()).contains("aws:SourceAccount", "aws:SourceArn",
                ":sns:");
    }

    @Test
    void theAlertsAndHealthTopicsFeedTheQueueAndNothingSubscribesTheLambdaDirectly() {
        JsonNode subscriptions = resources("AWS::SNS::Subscription");
        assertThat(subscriptions).hasSize(2);
        subscriptions.elements().forEachRemaining(subscription ->
                assertThat(subscription.path("Properties").path("Protocol").asText()).isEqualTo("sqs"));
        assertThat(subscriptions.toString()).doesNotContain("\"lambda\"");
    }

    @Test
    void theNotifierTakesBatchesAtAFixedConcurrencyAndReportsPartialFailures() {
        central.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 1000,
                "MaximumBatchingWindowInSeconds", 10,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", 2)));
        central.hasResourceProperties("AWS::Lambda::Function", Map.of("Timeout", 120,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("GROUP_THRESHOLD", "3",
                        "PACE_POSTS_PER_SECOND", "1.0", "PACE_BURST", "3", "PACE_SHARE", "2", "THREAD_HOURS", "24",
                        "GROUP_WINDOW_MINUTES", "15")))));
    }

    @Test
    void theFlowFollowsTheContext() {
        Template tuned = central(DefaultContext.withOverrides(Map.of("alerts", Map.of("batchSize", 50,
                "batchWindowSeconds", 5, "maxConcurrency", 4, "maxReceiveCount", 3))));

        tuned.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("BatchSize", 50,
                "MaximumBatchingWindowInSeconds", 5, "ScalingConfig", Map.of("MaximumConcurrency", 4)));
        tuned.hasResourceProperties("AWS::SQS::Queue", Map.of("VisibilityTimeout", 725,
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3))));
        tuned.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("PACE_SHARE", "4")))));
    }
}
