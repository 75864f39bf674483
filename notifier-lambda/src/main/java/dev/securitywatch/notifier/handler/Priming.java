package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.lambdakit.snapstart.OfflineSdkHttpClient;
import dev.securitywatch.lambdakit.snapstart.OfflineSdkHttpClient.Answer;
import dev.securitywatch.lambdakit.snapstart.SnapStartPriming;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
import dev.securitywatch.notifier.service.DeliveryLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SnapStart priming, before the snapshot:
 * <ul>
 *   <li>decode a bundled sample SQS batch (a synthetic security-group change, as SNS delivers it to the alerts
 *       queue), classify, render and serialise it, alone and as a burst that becomes a group summary;</li>
 *   <li>run the dedup ledger and the secret reader through SDK clients built exactly as {@link NotifierWiring} builds
 *       the real ones, but on an {@link OfflineSdkHttpClient} that answers from a script: request marshalling,
 *       SigV4 signing, endpoint resolution, the retry machinery and response and error unmarshalling
 *       ({@code ConditionalCheckFailedException} with the old item) are loaded and warmed.</li>
 * </ul>
 * It delivers nothing, opens no connection and reads no credentials: the offline clients sign with placeholder keys
 * that never leave the process, and the real clients are first used by a real event. Nor does it read the
 * organization's inventory (account names, shares): the answer would be cached in the snapshot.
 */
final class Priming extends SnapStartPriming {
    static final String SAMPLE = "priming/sqs-security-group-event.json";
    /** Copies of the sample that make a group big enough to summarise. */
    private static final int BURST = 5;
    private static final int ROUNDS = 100;
    private static final int AWS_ROUNDS = 20;
    private static final Region REGION = Region.US_EAST_1;
    private static final String DYNAMODB_JSON = "application/x-amz-json-1.0";
    private static final String SECRETS_MANAGER_JSON = "application/x-amz-json-1.1";
    /** Placeholders so that signing runs; the requests they sign are answered inside this process. */
    private static final StaticCredentialsProvider PLACEHOLDER_KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDPRIMINGONLY", "priming-placeholder-not-a-secret"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NotifierWiring runtime;
    private int offlineAwsCalls;

    Priming(NotifierWiring runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void prime() {
        JsonNode sample = sample();
        // Rendering asks the organization's inventory for account names: not now, or the answer would be snapshotted.
        runtime.organization().offline(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                List<InboundMessage> messages = runtime.records(sample).stream()
                        .flatMap(record -> record.messages().stream()).toList();
                runtime.service().preview(messages).forEach(message -> message.slack().json());
                runtime.service().preview(Collections.nCopies(BURST, messages.get(0)))
                        .forEach(message -> message.slack().json());
            }
        });
        primeAwsClients();
    }

    /** AWS requests the offline clients answered in the last priming (tests). */
    int offlineAwsCalls() {
        return offlineAwsCalls;
    }

    private void primeAwsClients() {
        OfflineSdkHttpClient accepting = new OfflineSdkHttpClient(Priming::accept);
        OfflineSdkHttpClient refusing = new OfflineSdkHttpClient(request -> Answer.json(400, DYNAMODB_JSON,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":"
                        + "\"The conditional request failed\",\"Item\":{\"state\":{\"S\":\"DELIVERED\"}}}"));
        try (DynamoDbClient claimsGranted = NotifierWiring.dynamoDb(REGION, accepting, PLACEHOLDER_KEYS);
             DynamoDbClient claimsTaken = NotifierWiring.dynamoDb(REGION, refusing, PLACEHOLDER_KEYS);
             SecretsManagerClient secrets = NotifierWiring.secretsManager(REGION, accepting, PLACEHOLDER_KEYS)) {
            DeliveryLedger granted = ledger(claimsGranted);
            DeliveryLedger taken = ledger(claimsTaken);
            SecretsManagerSecretReader reader = new SecretsManagerSecretReader(secrets);
            Instant now = Instant.now();
            for (int i = 0; i < AWS_ROUNDS; i++) {
                String key = "slack#priming:" + i;
                if (granted.claim(key, now) != DeliveryLedger.Claim.CLAIMED
                        || taken.claim(key, now) != DeliveryLedger.Claim.ALREADY_DELIVERED) {
                    throw new IllegalStateException("priming: the offline ledger answered unexpectedly");
                }
                granted.confirm(key, now);
                granted.release(key);
                taken.release(key);
                SlackSecret.parse(reader.read("priming"));
            }
        }
        offlineAwsCalls = accepting.requests() + refusing.requests();
    }

    private static DeliveryLedger ledger(DynamoDbClient client) {
        return new DynamoDbDeliveryLedger(client, "priming", Duration.ofMinutes(1), Duration.ofDays(1));
    }

    private static Answer accept(SdkHttpRequest request) {
        String target = request.firstMatchingHeader("X-Amz-Target").orElse("");
        if (target.equals("secretsmanager.GetSecretValue")) {
            return Answer.json(200, SECRETS_MANAGER_JSON, "{\"Name\":\"priming\",\"SecretString\":"
                    + "\"{\\\"webhookUrl\\\":\\\"https://hooks.slack.com/services/PRIMING\\\"}\"}");
        }
        return Answer.json(200, DYNAMODB_JSON, "{}");
    }

    static JsonNode sample() {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing priming sample " + SAMPLE);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
