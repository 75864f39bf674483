package dev.securitywatch.awslite.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlainHttpTest {
    private static final String SECRET_PATH = "/services/T000/B000/SECRETPATH";
    private static WireMockServer server;
    private final PlainHttp http = new PlainHttp();

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private HttpCall post(Duration timeout) {
        return HttpCall.post(URI.create(server.baseUrl() + SECRET_PATH), Map.of("Content-Type", "application/json"),
                "{\"text\":\"é\"}", timeout);
    }

    @Test
    void postsTheBodyAndReadsStatusHeadersAndBody() throws Exception {
        server.stubFor(any(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("rate_limited")));

        HttpAnswer answer = http.send(post(Duration.ofSeconds(2)));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("retry-after")).isEqualTo("7");
        assertThat(answer.body()).isEqualTo("rate_limited");
        assertThat(answer.isSuccess()).isFalse();
        server.verify(postRequestedFor(urlEqualTo(SECRET_PATH)).withRequestBody(equalTo("{\"text\":\"é\"}"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        server.stubFor(any(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:1/elsewhere")));

        assertThat(http.send(post(Duration.ofSeconds(2))).status()).isEqualTo(302);
    }

    @Test
    void aSlowAnswerTimesOutWithoutQuotingTheUrl() {
        server.stubFor(any(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));

        assertThatThrownBy(() -> http.send(post(Duration.ofMillis(150))))
                .isInstanceOf(SocketTimeoutException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETPATH"));
    }

    @Test
    void aBrokenConnectionIsAnIoErrorWithoutTheUrl() {
        server.stubFor(any(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThatThrownBy(() -> http.send(post(Duration.ofSeconds(2))))
                .isInstanceOf(java.io.IOException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETPATH")
                        .startsWith("SocketException calling "));
    }

    @Test
    void aCallPrintsNeitherItsPathNorItsHeaders() {
        HttpCall call = HttpCall.post(URI.create("https://hooks.slack.com" + SECRET_PATH),
                Map.of("Authorization", "Bearer xoxb-SECRET"), "{}", Duration.ofSeconds(1));

        assertThat(call.toString()).isEqualTo("HttpCall[POST hooks.slack.com]");
    }
}
