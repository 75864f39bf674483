package dev.securitywatch.hubcheck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.hubcheck.testing.LocalAws;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackInstance;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackSetInstances;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudFormation speaks the AWS Query protocol: a form-encoded {@code POST /}, answered in XML. */
class StackInstanceReaderTest {
    private static final String NAME = "SecurityWatch-Member";
    private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    @RegisterExtension
    static final WireMockExtension CLOUDFORMATION = WireMockExtension.newInstance()
            .options(LocalAws.loopback()).build();

    private final StackInstanceReader reader = new StackInstanceReader(
            LocalAws.cloudFormation(CLOUDFORMATION.baseUrl()), NAME, "DELEGATED_ADMIN");

    @Test
    void readsEveryPageAsTheDelegatedAdministratorWithStatusDetailDriftAndReason() {
        CLOUDFORMATION.stubFor(listStackInstances().withFormParam("NextToken", absent())
                .willReturn(xml(200, "<ListStackInstancesResponse xmlns=\"" + NAMESPACE + "\"><ListStackInstancesResult>"
                        + "<Summaries>"
                        + member("111111111111", "us-east-1", "CURRENT", "SUCCEEDED", "IN_SYNC", null)
                        + member("111111111111", "eu-west-1", "CURRENT", "SUCCEEDED", "DRIFTED", null)
                        + "</Summaries><NextToken>page-2</NextToken></ListStackInstancesResult>"
                        + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></ListStackInstancesResponse>")));
        CLOUDFORMATION.stubFor(listStackInstances().withFormParam("NextToken", equalTo("page-2"))
                .willReturn(xml(200, "<ListStackInstancesResponse xmlns=\"" + NAMESPACE + "\"><ListStackInstancesResult>"
                        + "<Summaries>"
                        + member("222222222222", "us-east-1", "OUTDATED", "FAILED", "NOT_CHECKED",
                                "ResourceLogicalId:ForwardingRole, ResourceType:AWS::IAM::Role,"
                                        + " ResourceStatusReason:security-watch-forwarding-org-us-east-1 already exists.")
                        + "<member><Region>eu-west-1</Region><Account>222222222222</Account><Status>INOPERABLE"
                        + "</Status></member>"
                        + "</Summaries></ListStackInstancesResult>"
                        + "<ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></ListStackInstancesResponse>")));

        StackSetInstances read = reader.read();

        assertThat(read.name()).isEqualTo(NAME);
        assertThat(read.unreadable()).isEmpty();
        assertThat(read.instances()).containsExactly(
                new StackInstance("111111111111", "eu-west-1", "CURRENT", "SUCCEEDED", "DRIFTED", null),
                new StackInstance("111111111111", "us-east-1", "CURRENT", "SUCCEEDED", "IN_SYNC", null),
                new StackInstance("222222222222", "eu-west-1", "INOPERABLE", null, null, null),
                new StackInstance("222222222222", "us-east-1", "OUTDATED", "FAILED", "NOT_CHECKED",
                        "ResourceLogicalId:ForwardingRole, ResourceType:AWS::IAM::Role,"
                                + " ResourceStatusReason:security-watch-forwarding-org-us-east-1 already exists."));
        assertThat(read.instances()).extracting(instance -> instance.problem().orElse("fine")).containsExactly(
                "drifted: changed outside the StackSet", "fine", "inoperable (INOPERABLE)",
                "outdated (FAILED): ResourceLogicalId:ForwardingRole, ResourceType:AWS::IAM::Role,"
                        + " ResourceStatusReason:security-watch-forwarding-org-us-east-1 already exists.");
        CLOUDFORMATION.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withFormParam("Action", equalTo("ListStackInstances"))
                .withFormParam("StackSetName", equalTo(NAME))
                .withFormParam("CallAs", equalTo("DELEGATED_ADMIN"))
                .withFormParam("MaxResults", equalTo("100")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AccessDenied | 403 | User: arn:aws:sts::123456789012:assumed-role/hub-check/fn is not authorized to"
                    + " perform: cloudformation:ListStackInstances",
            "StackSetNotFoundException | 404 | StackSet SecurityWatch-Member not found",
            "ValidationError | 400 | Account used is not a delegated administrator"})
    void aRefusalIsUnreadableInOneLineNamingTheStackSetAndTheErrorCode(String code, int status, String message) {
        CLOUDFORMATION.stubFor(listStackInstances().willReturn(xml(status, error(code, message + "\nsecond line"))));

        StackSetInstances read = reader.read();

        assertThat(read).isEqualTo(new StackSetInstances(NAME, List.of(), Optional.of(
                "CloudFormation ListStackInstances " + NAME + " failed: " + code + " (HTTP " + status + "): "
                        + message)));
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsUnreadableToo() {
        CLOUDFORMATION.stubFor(listStackInstances().willReturn(xml(400, error("Throttling", "Rate exceeded"))));

        assertThat(reader.read().unreadable()).contains("CloudFormation ListStackInstances " + NAME
                + " failed: Throttling (HTTP 400): Rate exceeded");
        CLOUDFORMATION.verify(3, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void anInstanceWithoutAValidAccountMakesTheListingUnreadableRatherThanLoseIt() {
        CLOUDFORMATION.stubFor(listStackInstances().willReturn(xml(200, "<ListStackInstancesResponse xmlns=\""
                + NAMESPACE + "\"><ListStackInstancesResult><Summaries>"
                + member("111111111111", "us-east-1", "CURRENT", "SUCCEEDED", "IN_SYNC", null)
                + "<member><Region>us-east-1</Region><Status>CURRENT</Status></member>"
                + "</Summaries></ListStackInstancesResult></ListStackInstancesResponse>")));

        assertThat(reader.read()).isEqualTo(new StackSetInstances(NAME, List.of(), Optional.of(
                "CloudFormation ListStackInstances " + NAME + " returned an instance without a valid account id")));
    }

    private static MappingBuilder listStackInstances() {
        return post(urlPathEqualTo("/")).withFormParam("Action", equalTo("ListStackInstances"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code + "</Code>"
                + "<Message>" + message + "</Message></Error><RequestId>e1</RequestId></ErrorResponse>";
    }

    private static String member(String account, String region, String status, String detailedStatus,
                                 String drift, String reason) {
        return "<member><StackSetId>" + NAME + ":5f1e7a1c-0000-4000-8000-000000000000</StackSetId>"
                + "<Region>" + region + "</Region><Account>" + account + "</Account>"
                + "<StackId>arn:aws:cloudformation:" + region + ":" + account + ":stack/StackSet-" + NAME
                + "-abc/0f0e</StackId><Status>" + status + "</Status>"
                + (reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>")
                + "<StackInstanceStatus><DetailedStatus>" + detailedStatus + "</DetailedStatus></StackInstanceStatus>"
                + "<OrganizationalUnitId>ou-ab12-cdef3456</OrganizationalUnitId><DriftStatus>" + drift
                + "</DriftStatus><LastOperationId>op-1</LastOperationId></member>";
    }
}
