package dev.securitywatch.hubcheck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.testing.LocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecurityHubMemberReaderTest {
    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance().options(LocalAws.loopback()).build();

    private final SecurityHubMemberReader reader = new SecurityHubMemberReader(
            Map.of("us-east-1", LocalAws.securityHub(HUB.baseUrl(), "us-east-1")));

    @Test
    void readsTheRealListMembersResponseFromTheAwsCliDocumentation() {
        HUB.stubFor(get(urlPathEqualTo("/members"))
                .willReturn(okJson(AcceptanceData.text("securityhub/awscli-list-members-1.json"))));

        List<Member> members = reader.listMembers("us-east-1");

        assertThat(members).containsExactly(
                new Member("123456789111", new MemberStatus("ASSOCIATED")),
                new Member("123456789222", new MemberStatus("ASSOCIATED")));
        assertThat(members).allSatisfy(member -> assertThat(member.status().isEnabled()).isTrue());
    }

    @Test
    void asksForEveryMemberNotOnlyAssociatedOnesAndFollowsNextToken() {
        HUB.stubFor(get(urlPathEqualTo("/members")).withQueryParam("NextToken", absent())
                .willReturn(okJson("{\"Members\":[{\"AccountId\":\"111111111111\",\"MemberStatus\":\"Enabled\"},"
                        + "{\"AccountId\":\"222222222222\",\"MemberStatus\":\"Invited\"}],\"NextToken\":\"page-2\"}")));
        HUB.stubFor(get(urlPathEqualTo("/members")).withQueryParam("NextToken", equalTo("page-2"))
                .willReturn(okJson("{\"Members\":[{\"AccountId\":\"333333333333\",\"MemberStatus\":\"Resigned\","
                        + "\"AdministratorId\":\"999999999999\",\"UpdatedAt\":\"2026-11-19T10:00:00.000Z\"}]}")));

        List<Member> members = reader.listMembers("us-east-1");

        assertThat(members).extracting(m -> m.accountId() + "=" + m.status())
                .containsExactly("111111111111=Enabled", "222222222222=Invited", "333333333333=Resigned");
        HUB.verify(2, getRequestedFor(urlPathEqualTo("/members"))
                .withQueryParam("OnlyAssociated", equalTo("false"))
                .withQueryParam("MaxResults", equalTo("50")));
    }

    @Test
    void countsAMemberWhoseStatusIsMissing() {
        HUB.stubFor(get(urlPathEqualTo("/members"))
                .willReturn(okJson("{\"Members\":[{\"AccountId\":\"111111111111\"}]}")));

        assertThat(reader.listMembers("us-east-1")).containsExactly(
                new Member("111111111111", new MemberStatus("Unknown")));
    }

    @Test
    void retriesThrottlingLikeTheSdkDoes() {
        HUB.stubFor(get(urlPathEqualTo("/members")).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"Message\":\"Rate exceeded\"}"))
                .willSetStateTo("calm"));
        HUB.stubFor(get(urlPathEqualTo("/members")).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"Members\":[{\"AccountId\":\"111111111111\",\"MemberStatus\":\"Enabled\"}]}")));

        assertThat(reader.listMembers("us-east-1")).hasSize(1);
    }

    @Test
    void aDeniedRegionIsAOneLineFailureNamingTheErrorCode() {
        HUB.stubFor(get(urlPathEqualTo("/members")).willReturn(aResponse().withStatus(401)
                .withHeader("x-amzn-ErrorType", "InvalidAccessException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Code\":\"InvalidAccessException\",\"Message\":\"Account 999999999999 is not subscribed"
                        + " to AWS Security Hub\"}")));

        assertThatThrownBy(() -> reader.listMembers("us-east-1"))
                .isInstanceOf(DependencyFailure.class)
                .hasMessage("Security Hub ListMembers in us-east-1 failed: InvalidAccessException (HTTP 401):"
                        + " Account 999999999999 is not subscribed to AWS Security Hub");
    }

    @Test
    void aMemberWithoutAValidAccountIdFailsTheRegionRatherThanDroppingIt() {
        HUB.stubFor(get(urlPathEqualTo("/members"))
                .willReturn(okJson("{\"Members\":[{\"AccountId\":\"12345\",\"MemberStatus\":\"Enabled\"}]}")));

        assertThatThrownBy(() -> reader.listMembers("us-east-1"))
                .isInstanceOf(DependencyFailure.class)
                .hasMessage("Security Hub ListMembers in us-east-1 returned a member without a valid account id");
    }

    @Test
    void aRegionWithoutAClientIsAProgrammingError() {
        assertThatThrownBy(() -> reader.listMembers("eu-west-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
