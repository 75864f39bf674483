package dev.securitywatch.notifier.bucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson;
import dev.securitywatch.notifier.service.CoverageReports.CoverageReportsUnavailableException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The real S3 client against a local server speaking S3's REST-XML, path-style. */
class S3CoverageReportsTest {
    private static final String BUCKET = "security-watch-membership";
    private static final String INVENTORY = "/" + BUCKET + "/organization/inventory.json";

    @RegisterExtension
    static final WireMockExtension S3 = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final S3CoverageReports reports = new S3CoverageReports(S3Client.builder()
            .endpointOverride(URI.create(S3.baseUrl())).region(Region.US_EAST_1).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
            .httpClient(UrlConnectionHttpClient.create()).build(), BUCKET,
            new OrganizationInventoryJson(new ObjectMapper()));

    @Test
    void readsTheInventoryTheMembershipWatchWrote() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"schema\":1,\"readAt\":"
                        + "\"2026-12-04T02:00:00Z\",\"accounts\":[{\"id\":\"111111111111\",\"name\":\"prod\","
                        + "\"state\":\"ACTIVE\"}],\"enabledRegions\":{\"111111111111\":[\"us-east-1\"]},"
                        + "\"enabledRegionsUnreadable\":null}")));

        assertThat(reports.inventory()).hasValueSatisfying(inventory -> {
            assertThat(inventory.readAt()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
            assertThat(inventory.enabledRegions()).containsEntry("111111111111", java.util.List.of("us-east-1"));
        });
    }

    @Test
    void noInventoryYetIsEmptyNotAFailure() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\"?><Error><Code>"
                        + "NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")));

        assertThat(reports.inventory()).isEmpty();
    }

    @Test
    void aRefusalOrAFileThatIsNotAnInventorySaysWhereAndWhat() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\"?><Error><Code>"
                        + "AccessDenied</Code><Message>Access Denied</Message></Error>")));
        assertThatThrownBy(reports::inventory).isInstanceOf(CoverageReportsUnavailableException.class)
                .hasMessage("S3 GetObject s3://security-watch-membership/organization/inventory.json failed:"
                        + " AccessDenied (HTTP 403)");

        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"schema\":7}")));
        assertThatThrownBy(reports::inventory).isInstanceOf(CoverageReportsUnavailableException.class)
                .hasMessageStartingWith("s3://security-watch-membership/organization/inventory.json: organization"
                        + " inventory: schema 7 is not 1");
    }

    @Test
    void keepsTheReportUnderItsDateAndAsTheLatest() {
        S3.stubFor(put(urlPathEqualTo("/" + BUCKET + "/coverage/2026/12/04.json"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"a\"")));
        S3.stubFor(put(urlPathEqualTo("/" + BUCKET + "/coverage/latest.json"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"b\"")));

        assertThat(reports.save(Instant.parse("2026-12-04T05:00:00Z"), "{\"gaps\":0}"))
                .isEqualTo("s3://security-watch-membership/coverage/2026/12/04.json");

        S3.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/coverage/latest.json"))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(S3.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/coverage/2026/12/04.json")))
                .get(0).getBodyAsString()).as("the body, between SigV4's chunk signatures").contains("\n{\"gaps\":0}\r\n");
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhere() {
        S3.stubFor(put(urlPathEqualTo("/" + BUCKET + "/coverage/2026/12/04.json")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\"?>"
                        + "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));

        assertThatThrownBy(() -> reports.save(Instant.parse("2026-12-04T05:00:00Z"), "{}"))
                .isInstanceOf(CoverageReportsUnavailableException.class)
                .hasMessage("S3 PutObject s3://security-watch-membership/coverage/2026/12/04.json failed:"
                        + " AccessDenied (HTTP 403)");
    }
}
