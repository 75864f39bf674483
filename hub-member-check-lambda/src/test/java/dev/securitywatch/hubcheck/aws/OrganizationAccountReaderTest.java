package dev.securitywatch.hubcheck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import dev.securitywatch.hubcheck.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationAccountReaderTest {
    private static final String TARGET = "AWSOrganizationsV20161128.ListAccounts";
    private static final String JSON_11 = "application/x-amz-json-1.1";

    @RegisterExtension
    static final WireMockExtension ORGANIZATIONS = WireMockExtension.newInstance()
            .options(LocalAws.loopback()).build();

    private final OrganizationAccountReader reader = new OrganizationAccountReader(
            LocalAws.organizations(ORGANIZATIONS.baseUrl()));

    @Test
    void listsEveryPageAndPrefersStateOverTheRetiringStatus() {
        ORGANIZATIONS.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(equalToJson("{}"))
                .willReturn(okForContentType(JSON_11, "{\"Accounts\":["
                        + account("111111111111", "prod", "ACTIVE", "ACTIVE") + ","
                        + account("222222222222", "old", "SUSPENDED", "SUSPENDED") + "],"
                        + "\"NextToken\":\"page-2\"}")));
        ORGANIZATIONS.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(equalToJson("{\"NextToken\":\"page-2\"}"))
                .willReturn(okForContentType(JSON_11, "{\"Accounts\":["
                        + account("333333333333", "closing", "SUSPENDED", "PENDING_CLOSURE") + ","
                        + "{\"Id\":\"444444444444\",\"Name\":\"legacy endpoint\",\"Status\":\"ACTIVE\"}]}")));

        assertThat(reader.listAccounts()).containsExactly(
                new OrgAccount("111111111111", "prod", "ACTIVE"),
                new OrgAccount("222222222222", "old", "SUSPENDED"),
                new OrgAccount("333333333333", "closing", "PENDING_CLOSURE"),
                new OrgAccount("444444444444", "legacy endpoint", "ACTIVE"));
        ORGANIZATIONS.verify(2, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)));
    }

    @Test
    void anAccountWithNeitherStateNorStatusIsKeptAsUnknown() {
        ORGANIZATIONS.stubFor(post(urlPathEqualTo("/")).willReturn(okForContentType(JSON_11,
                "{\"Accounts\":[{\"Id\":\"111111111111\",\"Name\":\"prod\"}]}")));

        assertThat(reader.listAccounts()).containsExactly(new OrgAccount("111111111111", "prod", "UNKNOWN"));
    }

    @Test
    void anAccountWithoutAValidIdFailsTheListing() {
        ORGANIZATIONS.stubFor(post(urlPathEqualTo("/")).willReturn(okForContentType(JSON_11,
                "{\"Accounts\":[{\"Id\":\"not-an-id\",\"State\":\"ACTIVE\"}]}")));

        assertThatThrownBy(reader::listAccounts).isInstanceOf(DependencyFailure.class)
                .hasMessage("Organizations ListAccounts returned an account without a valid id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AccessDeniedException | You don't have permissions to access this resource.",
            "AWSOrganizationsNotInUseException | Your account is not a member of an organization.",
            "TooManyRequestsException | AWS Organizations can't complete your request because another request is"
                    + " already in progress."})
    void anOrganizationThatCannotBeReadIsAOneLineFailureNamingTheErrorCode(String code, String message) {
        ORGANIZATIONS.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"" + code + "\",\"Message\":\"" + message + "\"}")));

        assertThatThrownBy(reader::listAccounts).isInstanceOf(DependencyFailure.class)
                .hasMessage("Organizations ListAccounts failed: " + code + " (HTTP 400): " + message);
    }

    private static String account(String id, String name, String status, String state) {
        return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::999999999999:account/o-abc/" + id + "\","
                + "\"Email\":\"" + name + "@example.com\",\"Name\":\"" + name + "\",\"Status\":\"" + status + "\","
                + "\"State\":\"" + state + "\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1.7633376E9}";
    }
}
