package dev.securitywatch.chat.testing;

import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The real SDK client and reader pointed at a local stub of Secrets Manager (e.g. WireMock), with test credentials
 * and the SDK's standard retries (3 attempts) without their waits.
 */
public final class LocalSecretsManager {
    public static final String ACCESS_KEY_ID = "AKIDLOCALTEST";
    public static final String SECRET_ACCESS_KEY = "local-test-secret";

    private LocalSecretsManager() {
    }

    /** @param baseUrl the stub's base URL, e.g. WireMock's {@code baseUrl()} */
    public static SecretsManagerSecretReader reader(String baseUrl, String region) {
        return new SecretsManagerSecretReader(client(baseUrl, region));
    }

    public static SecretsManagerClient client(String baseUrl, String region) {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .build()))
                .build();
    }
}
