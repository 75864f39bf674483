package dev.securitywatch.infra.common;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** A dead-letter queue with the alarm every DLQ must have: nothing fails silently. */
public final class DeadLetterQueue extends Construct {
    private final Queue queue;
    private final Alarm alarm;

    public DeadLetterQueue(Construct scope, String id, String purpose) {
        this(scope, id, purpose, Optional.empty());
    }

    /**
     * @param key the key of what the queue keeps, when it must stay under it: a DLQ of a KMS-encrypted queue holds
     *            the same messages, and SSE-SQS would let anyone with SQS read access read them
     */
    public DeadLetterQueue(Construct scope, String id, String purpose, Optional<IKey> key) {
        super(scope, id);
        Queue.Builder builder = Queue.Builder.create(this, "Queue")
                .retentionPeriod(Duration.days(14))
                .enforceSsl(true);
        key.ifPresentOrElse(k -> builder.encryption(QueueEncryption.KMS).encryptionMasterKey(k),
                () -> builder.encryption(QueueEncryption.SQS_MANAGED));
        queue = builder.build();
        alarm = Alarm.Builder.create(this, "NotEmpty")
                .alarmDescription("Security Watch: " + purpose + " failed and waits in " + "a dead-letter queue."
                        + " Inspect the messages, fix the cause, then redrive them.")
                .metric(queue.metricApproximateNumberOfMessagesVisible().with(
                        software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                                .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        NagSuppressions.addResourceSuppressions(queue, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is itself a dead-letter queue; a DLQ for it would only move the problem."
                        + " Its alarm fires on the first message.")
                .build()));
    }

    public Queue queue() {
        return queue;
    }

    public Alarm alarm() {
        return alarm;
    }
}
