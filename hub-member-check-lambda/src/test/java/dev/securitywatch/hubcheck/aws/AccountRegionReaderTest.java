package dev.securitywatch.hubcheck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.testing.LocalAws;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Account Management speaks REST-JSON: {@code POST /listRegions} with the filter in the body. */
class AccountRegionReaderTest {
    private static final String ENABLED = "\"RegionOptStatusContains\":[\"ENABLED\",\"ENABLED_BY_DEFAULT\"]";

    @RegisterExtension
    static final WireMockExtension ACCOUNT = WireMockExtension.newInstance().options(LocalAws.loopback()).build();

    private final AccountRegionReader reader = new AccountRegionReader(LocalAws.account(ACCOUNT.baseUrl()),
            Optional.of("999999999999"));

    @Test
    void readsTheEnabledRegionsOfAnotherAccountAcrossPages() {
        ACCOUNT.stubFor(post(urlPathEqualTo("/listRegions"))
                .withRequestBody(equalToJson("{\"AccountId\":\"111111111111\"," + ENABLED + "}"))
                .willReturn(okJson("{\"Regions\":[{\"RegionName\":\"us-east-1\",\"RegionOptStatus\":"
                        + "\"ENABLED_BY_DEFAULT\"},{\"RegionName\":\"ap-east-1\",\"RegionOptStatus\":\"ENABLED\"}],"
                        + "\"NextToken\":\"2\"}")));
        ACCOUNT.stubFor(post(urlPathEqualTo("/listRegions"))
                .withRequestBody(equalToJson("{\"AccountId\":\"111111111111\",\"NextToken\":\"2\"," + ENABLED + "}"))
                .willReturn(okJson("{\"Regions\":[{\"RegionName\":\"eu-west-1\",\"RegionOptStatus\":"
                        + "\"ENABLED_BY_DEFAULT\"}]}")));

        assertThat(reader.enabledRegions("111111111111")).containsExactly("us-east-1", "ap-east-1", "eu-west-1");
    }

    @Test
    void readsItsOwnAccountWithoutNamingItWhichTheApiRefusesForTheManagementAccount() {
        ACCOUNT.stubFor(post(urlPathEqualTo("/listRegions")).withRequestBody(equalToJson("{" + ENABLED + "}"))
                .willReturn(okJson("{\"Regions\":[{\"RegionName\":\"us-east-1\"}]}")));

        assertThat(reader.enabledRegions("999999999999")).containsExactly("us-east-1");
        ACCOUNT.verify(1, postRequestedFor(urlPathEqualTo("/listRegions")));
    }

    @Test
    void aRefusalIsOneLineNamingTheAccountAndTheErrorCode() {
        ACCOUNT.stubFor(post(urlPathEqualTo("/listRegions")).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"trusted access is not enabled\\nfor account.amazonaws.com\"}")));

        assertThatThrownBy(() -> reader.enabledRegions("111111111111")).isInstanceOf(DependencyFailure.class)
                .hasMessage("Account ListRegions for 111111111111 failed: AccessDeniedException (HTTP 403):"
                        + " trusted access is not enabled");
    }
}
