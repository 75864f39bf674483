package dev.securitywatch.awslite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.securitywatch.awslite.http.PlainHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment keys, and the container credentials endpoint that SnapStart functions use, served by WireMock. */
class LambdaCredentialsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static WireMockServer endpoint;

    private final Map<String, String> env = new HashMap<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private LambdaCredentials credentials;

    @BeforeAll
    static void start() {
        endpoint = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        endpoint.start();
    }

    @AfterAll
    static void stop() {
        endpoint.stop();
    }

    @BeforeEach
    void setUp() {
        endpoint.resetAll();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        credentials = new LambdaCredentials(() -> env, new PlainHttp(), MAPPER, clock);
    }

    private void serve(String keyId, Instant expiration) {
        endpoint.stubFor(get(urlEqualTo("/2018-06-01/credentials")).willReturn(aResponse().withStatus(200)
                .withBody("{\"AccessKeyId\":\"" + keyId + "\",\"SecretAccessKey\":\"endpoint-secret\",\"Token\":"
                        + "\"endpoint-token\",\"Expiration\":\"" + expiration + "\"}")));
    }

    @Test
    void environmentKeysComeFirst() {
        env.put("AWS_ACCESS_KEY_ID", "ASIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "env-secret");
        env.put("AWS_SESSION_TOKEN", "env-token");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");

        assertThat(credentials.credentials())
                .isEqualTo(new AwsCredentials("ASIAENV", "env-secret", "env-token", null));
        endpoint.verify(0, getRequestedFor(urlEqualTo("/2018-06-01/credentials")));
    }

    @Test
    void snapStartFunctionsReadTheContainerEndpointWithItsToken() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth");
        serve("ASIACONTAINER", NOW.plus(Duration.ofHours(1)));

        AwsCredentials loaded = credentials.credentials();

        assertThat(loaded).isEqualTo(new AwsCredentials("ASIACONTAINER", "endpoint-secret", "endpoint-token",
                NOW.plus(Duration.ofHours(1))));
        endpoint.verify(getRequestedFor(urlEqualTo("/2018-06-01/credentials"))
                .withHeader("Authorization", equalTo("container-auth")));
    }

    @Test
    void theTokenMayComeFromAFile(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "from-file\n");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString());
        serve("ASIAFILE", NOW.plus(Duration.ofHours(1)));

        assertThat(credentials.credentials().accessKeyId()).isEqualTo("ASIAFILE");
        endpoint.verify(getRequestedFor(urlEqualTo("/2018-06-01/credentials"))
                .withHeader("Authorization", equalTo("from-file")));
    }

    @Test
    void endpointCredentialsAreCachedUntilShortlyBeforeTheyExpire() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");
        serve("ASIAFIRST", NOW.plus(Duration.ofMinutes(30)));
        credentials.credentials();

        now.set(NOW.plus(Duration.ofMinutes(20)));
        assertThat(credentials.credentials().accessKeyId()).isEqualTo("ASIAFIRST");
        endpoint.verify(1, getRequestedFor(urlEqualTo("/2018-06-01/credentials")));

        serve("ASIASECOND", NOW.plus(Duration.ofMinutes(90)));
        now.set(NOW.plus(Duration.ofMinutes(26)));
        assertThat(credentials.credentials().accessKeyId()).isEqualTo("ASIASECOND");
        endpoint.verify(2, getRequestedFor(urlEqualTo("/2018-06-01/credentials")));
    }

    @Test
    void anEndpointFailureSaysWhatFailed() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");
        endpoint.stubFor(get(urlEqualTo("/2018-06-01/credentials")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> credentials.credentials()).isInstanceOf(AwsCallException.class)
                .hasMessage("the container credentials endpoint answered HTTP 500");
    }

    @Test
    void anUnreadableEndpointDocumentIsRefused() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");
        endpoint.stubFor(get(urlEqualTo("/2018-06-01/credentials")).willReturn(aResponse().withStatus(200)
                .withBody("{\"AccessKeyId\":\"ASIA\"}")));

        assertThatThrownBy(() -> credentials.credentials()).isInstanceOf(AwsCallException.class)
                .hasMessage("the container credentials endpoint answered an unreadable document (AwsCallException)");
    }

    @Test
    void anUnreachableEndpointIsReported() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/2018-06-01/credentials");

        assertThatThrownBy(() -> credentials.credentials()).isInstanceOf(AwsCallException.class)
                .hasMessageStartingWith("cannot reach the container credentials endpoint: ");
    }

    @Test
    void aPlainHttpEndpointOffTheLoopbackIsRefused() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.0.0.7/credentials");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "must-not-leave");

        assertThatThrownBy(() -> credentials.credentials()).isInstanceOf(AwsCallException.class)
                .hasMessage("AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http on a loopback address;"
                        + " refusing http://10.0.0.7");
    }

    @Test
    void noCredentialsAtAllIsAClearError() {
        assertThatThrownBy(() -> credentials.credentials()).isInstanceOfSatisfying(AwsCallException.class,
                e -> assertThat(e.errorCode()).isEqualTo("no_credentials"))
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void aKeyWithoutItsSecretIsRefused() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAHALF");

        assertThatThrownBy(() -> credentials.credentials()).isInstanceOf(AwsCallException.class)
                .hasMessageContaining("incomplete AWS credentials");
    }
}
