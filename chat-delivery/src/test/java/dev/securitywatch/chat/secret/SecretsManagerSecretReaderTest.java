package dev.securitywatch.chat.secret;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.securitywatch.chat.testing.LocalSecretsManager;

/** The reader against WireMock speaking Secrets Manager's JSON 1.1 protocol. */
class SecretsManagerSecretReaderTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:security-watch/slack-AbCdEf";
    private static final String SECRET_JSON = "{\"webhookUrl\":\"https://hooks.slack.com/services/T/B/SECRETx\"}";

    private WireMockServer wireMock;
    private SecretsManagerSecretReader reader;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        reader = LocalSecretsManager.reader(wireMock.baseUrl(), "eu-west-1");
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void readsTheSecretString() {
        wireMock.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", containing("/eu-west-1/secretsmanager/aws4_request"))
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

    @Test
    void theSecretsRegionComesFromItsArn() {
        assertThat(SecretsManagerSecretReader.regionOf(ARN, "us-east-1")).isEqualTo("eu-west-1");
        assertThat(SecretsManagerSecretReader.regionOf("security-watch/slack", "us-east-1")).isEqualTo("us-east-1");
    }
}
