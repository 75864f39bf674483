package dev.securitywatch.hubcheck.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.report.SlackMessage;
import dev.securitywatch.hubcheck.testing.LocalAws;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import dev.securitywatch.chat.testing.LocalSecretsManager;
import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import java.net.http.HttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** chat-delivery's real sender and Secrets Manager reader, against local Slack and Secrets Manager servers. */
class SlackReportPublisherTest {
    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:999999999999:secret:sw/slack-AbC";
    private static final String WEBHOOK_PATH = "/services/T000/B000/SECRETwebhookPART";
    private static final String TOKEN = "xoxb-0000-SECRETtokenPART";

    @RegisterExtension
    static final WireMockExtension SECRETS = WireMockExtension.newInstance().options(LocalAws.loopback()).build();
    @RegisterExtension
    static final WireMockExtension SLACK = WireMockExtension.newInstance().options(LocalAws.loopback()).build();

    private static final SlackMessage MESSAGE = new SlackMessage("Security Hub membership 2026-11-23: no change",
            List.of(SectionBlock.builder().text(MarkdownTextObject.builder().text("*No change*").build()).build()));

    @Test
    void postsTheBlockKitPayloadToTheWebhook() {
        secret("{\"webhookUrl\":\"" + SLACK.baseUrl() + WEBHOOK_PATH + "\"}");
        SLACK.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));

        publisher().publish(MESSAGE);

        SLACK.verify(postRequestedFor(urlEqualTo(WEBHOOK_PATH))
                .withRequestBody(matchingJsonPath("$.text", equalTo(MESSAGE.text())))
                .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("section")))
                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", equalTo("*No change*"))));
    }

    @Test
    void postsToTheDefaultChannelWithABotToken() {
        secret("{\"botToken\":\"" + TOKEN + "\",\"defaultChannel\":\"C0SECURITY\"}");
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true}")));

        publisher().publish(MESSAGE);

        SLACK.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0SECURITY")))
                .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("section"))));
    }

    @Test
    void theConfiguredChannelOverridesTheSecretsDefault() {
        secret("{\"botToken\":\"" + TOKEN + "\",\"defaultChannel\":\"C0SECURITY\"}");
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true}")));

        publisher(Optional.of("C0FROMCONTEXT")).publish(MESSAGE);

        SLACK.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0FROMCONTEXT"))));
    }

    @Test
    void copiesTheSummaryToChatworkWhenTheSecretNamesARoom() {
        secret("{\"webhookUrl\":\"" + SLACK.baseUrl() + WEBHOOK_PATH + "\",\"chatworkToken\":\"cwSECRET\","
                + "\"roomId\":\"4242\"}");
        SLACK.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        SLACK.stubFor(post(urlEqualTo("/v2/rooms/4242/messages")).willReturn(okJson("{\"message_id\":\"1\"}")));

        publisher().publish(MESSAGE);

        SLACK.verify(postRequestedFor(urlEqualTo("/v2/rooms/4242/messages"))
                .withHeader("X-ChatWorkToken", equalTo("cwSECRET"))
                .withRequestBody(containing("Security+Hub+membership+2026-11-23%3A+no+change")));
    }

    @Test
    void aChatworkCopyThatFailsFailsTheDeliveryAfterSlackGotIt() {
        secret("{\"webhookUrl\":\"" + SLACK.baseUrl() + WEBHOOK_PATH + "\",\"chatworkToken\":\"cwSECRET\","
                + "\"roomId\":\"4242\"}");
        SLACK.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        SLACK.stubFor(post(urlEqualTo("/v2/rooms/4242/messages")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> publisher().publish(MESSAGE))
                .isInstanceOf(DependencyFailure.class)
                .hasMessageContaining("Chatwork room 4242")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("cwSECRET"));
        SLACK.verify(1, postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
    }

    @Test
    void waitsOutA429AndDelivers() {
        secret("{\"webhookUrl\":\"" + SLACK.baseUrl() + WEBHOOK_PATH + "\"}");
        SLACK.stubFor(post(urlEqualTo(WEBHOOK_PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        SLACK.stubFor(post(urlEqualTo(WEBHOOK_PATH)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        publisher().publish(MESSAGE);

        SLACK.verify(2, postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
    }

    @Test
    void aDeliveryThatKeepsFailingFailsWithoutRevealingTheWebhook() {
        secret("{\"webhookUrl\":\"" + SLACK.baseUrl() + WEBHOOK_PATH + "\"}");
        SLACK.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> publisher().publish(MESSAGE))
                .isInstanceOf(DependencyFailure.class)
                .hasMessageStartingWith("Report delivery failed: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET", "services/T000"));
        SLACK.verify(3, postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
    }

    @Test
    void aRevokedTokenFailsAndTheSecretIsReadAgainNextTime() {
        secret("{\"botToken\":\"" + TOKEN + "\",\"defaultChannel\":\"C0SECURITY\"}");
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_revoked\"}")));
        SlackReportPublisher publisher = publisher();

        for (int run = 0; run < 2; run++) {
            assertThatThrownBy(() -> publisher.publish(MESSAGE))
                    .isInstanceOf(DependencyFailure.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("token_revoked").doesNotContain("SECRET"));
        }
        SECRETS.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue")));
    }

    @Test
    void anUnusableSecretFailsWithoutRevealingIt() {
        secret("{\"webhookUrl\":\"not a url SECRETvalue\"}");

        assertThatThrownBy(() -> publisher().publish(MESSAGE))
                .isInstanceOf(DependencyFailure.class)
                .hasMessageStartingWith("Slack secret unusable: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETvalue"));
    }

    @Test
    void aSecretThatCannotBeReadFailsTheDelivery() {
        SECRETS.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the"
                        + " specified secret.\"}")));

        assertThatThrownBy(() -> publisher().publish(MESSAGE))
                .isInstanceOf(DependencyFailure.class)
                .hasMessageContaining("ResourceNotFoundException");
    }

    private static SlackReportPublisher publisher() {
        return publisher(Optional.empty());
    }

    private static SlackReportPublisher publisher(Optional<String> channel) {
        SecretsManagerSecretReader reader = LocalSecretsManager.reader(SECRETS.baseUrl(), "us-east-1");
        RetryPolicy quick = RetryPolicy.equalJitter(3, Duration.ofMillis(10), Duration.ofMillis(40))
                .withRandom(() -> 0.5);
        HttpClient http = ChatHttp.client();
        SlackSender sender = new SlackSender(http, quick, Duration.ofSeconds(2), Sleeper.REAL,
                URI.create(SLACK.baseUrl() + "/api/"), Pacer.NONE);
        ChatworkSender chatwork = new ChatworkSender(http, quick, Duration.ofSeconds(2), Sleeper.REAL,
                URI.create(SLACK.baseUrl() + "/v2/"), Pacer.NONE);
        return new SlackReportPublisher(ChatFanOut.cached(new CachedSlackSecret(reader, SECRET_ARN), sender,
                chatwork), Duration.ofSeconds(20), channel);
    }

    private static void secret(String secretJson) {
        SECRETS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + SECRET_ARN + "\",\"Name\":\"sw/slack\",\"SecretString\":\""
                                + secretJson.replace("\"", "\\\"") + "\",\"VersionId\":\"v1\"}")));
    }
}
