package dev.securitywatch.slack.secret;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real SDK client against WireMock speaking Secrets Manager's JSON 1.1 protocol. */
class SecretsManagerSecretReaderTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:security-watch/slack-AbCdEf";
    private static final String SECRET_JSON = "{\"webhookUrl\":\"https://hooks.slack.com/services/T/B/SECRETx\"}";

    private WireMockServer wireMock;
    private SecretsManagerSecretReader reader;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        reader = SecretsManagerSecretReader.withEndpoint(URI.create(wireMock.baseUrl()), SecretsManagerClient.builder()
                .region(Region.EU_WEST_1)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x"))));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void readsTheSecretString() {
        wireMock.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"security-watch/slack\",\"SecretString\":"
                                + "\"" + SECRET_JSON.replace("\"", "\\\"") + "\",\"VersionId\":\"v1\"}")));

        String value = reader.read(ARN);

        assertThat(value).isEqualTo(SECRET_JSON);
        assertThat(SlackSecret.parse(value).slack()).isInstanceOf(SlackDestination.Webhook.class);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serviceErrorsNameTheSecretAndTheCode() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the"
                        + " specified secret.\"}")));

        assertThatThrownBy(() -> reader.read(ARN))
                .isInstanceOf(SecretFormatException.class)
                .hasMessage("cannot read secret " + ARN + ": ResourceNotFoundException");
    }

    @Test
    void binarySecretsAreRefused() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"ARN\":\"" + ARN + "\",\"SecretBinary\":\"AAEC\"}")));

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(SecretFormatException.class)
                .hasMessageContaining("no SecretString");
    }

    @Test
    void unreachableEndpointIsASecretError() {
        wireMock.stop();

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(SecretFormatException.class)
                .hasMessageStartingWith("cannot read secret " + ARN + ": ");
    }
}
