package dev.securitywatch.chat.secret;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.securitywatch.chat.testing.LocalSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader with the real SDK v2 client against WireMock speaking Secrets Manager's JSON 1.1 protocol. */
class SecretsManagerSecretReaderTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:security-watch/slack-AbCdEf";
    private static final String SECRET_JSON = "{\"webhookUrl\":\"https://hooks.slack.com/services/T/B/SECRETx\"}";
    private static final String JSON_11 = "application/x-amz-json-1.1";

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

    private static ResponseDefinitionBuilder secretValue() {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11)
                .withBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"security-watch/slack\",\"SecretString\":"
                        + "\"" + SECRET_JSON.replace("\"", "\\\"") + "\",\"VersionId\":\"v1\"}");
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}");
    }

    @Test
    void readsTheSecretStringWithASignedJsonRequest() {
        wireMock.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withHeader("Content-Type", equalTo(JSON_11))
                .withHeader("Authorization", containing("Credential=" + LocalSecretsManager.ACCESS_KEY_ID
                        + "/"))
                .withHeader("Authorization", containing("/eu-west-1/secretsmanager/aws4_request"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}"))
                .willReturn(secretValue()));

        String value = reader.read(ARN);

        assertThat(value).isEqualTo(SECRET_JSON);
        assertThat(SlackSecret.parse(value).slack()).isInstanceOf(SlackDestination.Webhook.class);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serviceErrorsNameTheSecretAndTheCode() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(error(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")));

        assertThatThrownBy(() -> reader.read(ARN))
                .isInstanceOf(SecretFormatException.class)
                .hasMessage("cannot read secret " + ARN + ": ResourceNotFoundException");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    /** Refusals an operator fixes in IAM or KMS say what to check; none is retried. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AccessDeniedException|User: arn:aws:sts::1:assumed-role/x is not authorized|secretsmanager:GetSecretValue",
            "AccessDeniedException|Access to KMS is not allowed|kms:Decrypt",
            "DecryptionFailure|Secrets Manager can't decrypt the protected secret text using the provided KMS key."
                    + "|check that the key is enabled"})
    void accessAndKmsRefusalsSayWhatToCheck(String type, String message, String hint) {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(error(400, type, message)));

        assertThatThrownBy(() -> reader.read(ARN))
                .isInstanceOf(SecretFormatException.class)
                .hasMessageStartingWith("cannot read secret " + ARN + ": " + type + " (")
                .hasMessageContaining(hint)
                .hasMessageNotContaining(message);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedByTheSdk() {
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("throttled"));
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs("throttled")
                .willReturn(error(500, "InternalServiceError", "oops")).willSetStateTo("recovered"));
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(secretValue()));

        assertThat(reader.read(ARN)).isEqualTo(SECRET_JSON);
        wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheSdksAttempts() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withBody("")));

        assertThatThrownBy(() -> reader.read(ARN))
                .isInstanceOf(SecretFormatException.class)
                .hasMessage("cannot read secret " + ARN + ": HTTP 503");
        wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aResetConnectionIsRetried() {
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("healed"));
        wireMock.stubFor(post(urlEqualTo("/")).inScenario("reset").whenScenarioStateIs("healed")
                .willReturn(secretValue()));

        assertThat(reader.read(ARN)).isEqualTo(SECRET_JSON);
    }

    @Test
    void binarySecretsAreRefused() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON_11)
                .withBody("{\"ARN\":\"" + ARN + "\",\"SecretBinary\":\"AAEC\"}")));

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(SecretFormatException.class)
                .hasMessageContaining("no SecretString");
    }

    /** A broken answer that carries the secret: the SDK's parse error must not bring it into the message. */
    @Test
    void anUnreadableAnswerNeverQuotesTheSecret() {
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON_11)
                .withBody("{\"Name\":\"sw\",\"SecretString\":\"{\\\"botToken\\\":\\\"xoxb-SECRETvalue\\\"} ,,,")));

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(SecretFormatException.class)
                .hasMessageStartingWith("cannot read secret " + ARN + ": ")
                .hasMessageNotContaining("SECRETvalue").hasMessageNotContaining("xoxb");
    }

    @Test
    void unreachableEndpointIsASecretError() {
        wireMock.stop();

        assertThatThrownBy(() -> reader.read(ARN)).isInstanceOf(SecretFormatException.class)
                .hasMessageStartingWith("cannot read secret " + ARN + ": SdkClientException");
    }

    @Test
    void theSecretsRegionComesFromItsArn() {
        assertThat(SecretsManagerSecretReader.regionOf(ARN, "us-east-1")).isEqualTo("eu-west-1");
        assertThat(SecretsManagerSecretReader.regionOf("security-watch/slack", "us-east-1")).isEqualTo("us-east-1");
    }
}
