package dev.securitywatch.hubcheck.testing;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/** Real SDK v2 clients pointed at a local WireMock server that speaks the service's wire protocol. */
public final class LocalAws {
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"));

    private LocalAws() {
    }

    /** Every test server binds to the loopback interface only. */
    public static WireMockConfiguration loopback() {
        return WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort();
    }

    public static SecurityHubClient securityHub(String baseUrl, String region) {
        return SecurityHubClient.builder().endpointOverride(URI.create(baseUrl)).region(Region.of(region))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static OrganizationsClient organizations(String baseUrl) {
        return OrganizationsClient.builder().endpointOverride(URI.create(baseUrl)).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static AccountClient account(String baseUrl) {
        return AccountClient.builder().endpointOverride(URI.create(baseUrl)).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Standard retries without their waits, so a test of retries that run out takes no time. */
    public static CloudFormationClient cloudFormation(String baseUrl) {
        return CloudFormationClient.builder().endpointOverride(URI.create(baseUrl)).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                        .toBuilder().backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
    }

    /** Path-style addressing: a local server has no per-bucket host names. */
    public static S3Client s3(String baseUrl) {
        return S3Client.builder().endpointOverride(URI.create(baseUrl)).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
