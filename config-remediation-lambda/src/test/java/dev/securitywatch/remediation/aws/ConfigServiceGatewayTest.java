package dev.securitywatch.remediation.aws;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.securitywatch.remediation.testing.AwsStub.config;
import static dev.securitywatch.remediation.testing.AwsStub.json;
import static dev.securitywatch.remediation.testing.AwsStub.jsonError;
import static dev.securitywatch.remediation.testing.Rules.group;
import static dev.securitywatch.remediation.testing.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.evaluation.RemediationService;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.testing.AwsStub;
import dev.securitywatch.remediation.testing.FakePublisher;
import dev.securitywatch.remediation.testing.FakeSecurityGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** The real SDK Config client against WireMock speaking Config's JSON 1.1 protocol. */
class ConfigServiceGatewayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PUT = "StarlingDoveService.PutEvaluations";
    private static final Instant CAPTURED = Instant.parse("2026-11-20T02:00:00.123Z");

    private final AwsStub aws = new AwsStub();
    private final ConfigServiceGateway gateway = new ConfigServiceGateway(aws.clients().config(), MAPPER);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void putsEvaluationsWithTheCaptureTimeAsOrderingTimestamp() throws Exception {
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));

        List<String> rejected = gateway.putEvaluations("the-token", List.of(new Evaluation("AWS::EC2::SecurityGroup",
                "sg-1", Compliance.NON_COMPLIANT, "revoked 1 rule (tcp/22 from 0.0.0.0/0); added 0", CAPTURED)));

        assertThat(rejected).isEmpty();
        JsonNode body = MAPPER.readTree(aws.jsonRequests(PUT).get(0).getBodyAsString());
        assertThat(body.get("ResultToken").asText()).isEqualTo("the-token");
        JsonNode evaluation = body.get("Evaluations").get(0);
        assertThat(evaluation.get("ComplianceResourceType").asText()).isEqualTo("AWS::EC2::SecurityGroup");
        assertThat(evaluation.get("ComplianceResourceId").asText()).isEqualTo("sg-1");
        assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(evaluation.get("Annotation").asText()).isEqualTo("revoked 1 rule (tcp/22 from 0.0.0.0/0); added 0");
        assertThat(evaluation.get("OrderingTimestamp").decimalValue()).isEqualByComparingTo("1795140000.123");
    }

    @Test
    void returnsTheEvaluationsConfigRejected() {
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[{"
                + "\"ComplianceResourceType\":\"AWS::EC2::SecurityGroup\",\"ComplianceResourceId\":\"sg-2\","
                + "\"ComplianceType\":\"COMPLIANT\",\"OrderingTimestamp\":1.7636E9}]}")));
        assertThat(gateway.putEvaluations("t", List.of(new Evaluation("AWS::EC2::SecurityGroup", "sg-2",
                Compliance.COMPLIANT, "ok", CAPTURED)))).containsExactly("sg-2");
    }

    @Test
    void aSweepOf250GroupsSendsThreeBatchesOfAtMost100() throws Exception {
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));
        FakeSecurityGroups ec2 = new FakeSecurityGroups();
        for (int i = 0; i < 250; i++) {
            ec2.put(group("sg-" + i, rule("tcp", 80, 80, "0.0.0.0/0"), rule("tcp", 443, 443, "0.0.0.0/0")));
        }
        RemediationService service = new RemediationService(new RemediationPlanner(RemediationPolicy.defaults()), ec2,
                gateway, new FakePublisher(), "eu-west-1");

        service.handle(new ConfigInvocation("token", "111111111111", new ConfigInvocation.Scheduled(CAPTURED)));

        List<LoggedRequest> requests = aws.jsonRequests(PUT);
        assertThat(requests).hasSize(3);
        int total = 0;
        for (LoggedRequest request : requests) {
            int size = MAPPER.readTree(request.getBodyAsString()).get("Evaluations").size();
            assertThat(size).isLessThanOrEqualTo(100);
            total += size;
        }
        assertThat(total).isEqualTo(250);
    }

    @Test
    void moreThan100EvaluationsInOneCallIsAProgrammingError() {
        List<Evaluation> tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> new Evaluation(
                "AWS::EC2::SecurityGroup", "sg-" + i, Compliance.COMPLIANT, "ok", CAPTURED)).toList();
        assertThatThrownBy(() -> gateway.putEvaluations("t", tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttlingIsRetried() {
        aws.server().stubFor(config("PutEvaluations").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        aws.server().stubFor(config("PutEvaluations").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json("{\"FailedEvaluations\":[]}")));

        gateway.putEvaluations("t", List.of(new Evaluation("AWS::EC2::SecurityGroup", "sg-1", Compliance.COMPLIANT,
                "ok", CAPTURED)));

        assertThat(aws.jsonRequests(PUT)).hasSize(2);
    }

    @Test
    void failingToReachConfigThrows() {
        aws.server().stubFor(config("PutEvaluations").willReturn(jsonError(400, "InvalidResultTokenException",
                "The specified ResultToken is invalid.")));
        assertThatThrownBy(() -> gateway.putEvaluations("t", List.of(new Evaluation("AWS::EC2::SecurityGroup", "sg-1",
                Compliance.COMPLIANT, "ok", CAPTURED)))).isInstanceOf(SdkException.class)
                .hasMessageContaining("ResultToken is invalid");
    }

    @Test
    void fetchesAnOversizedItemFromHistory() throws Exception {
        String configuration = "{\"groupId\":\"sg-big\",\"groupName\":\"big\",\"ownerId\":\"111111111111\","
                + "\"vpcId\":\"vpc-1\",\"ipPermissions\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,"
                + "\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}]}]}";
        aws.server().stubFor(config("GetResourceConfigHistory").willReturn(json("{\"configurationItems\":[{"
                + "\"version\":\"1.3\",\"accountId\":\"111111111111\",\"configurationItemCaptureTime\":1795140000.123,"
                + "\"configurationItemStatus\":\"OK\",\"resourceType\":\"AWS::EC2::SecurityGroup\","
                + "\"resourceId\":\"sg-big\",\"resourceName\":\"big\",\"awsRegion\":\"eu-west-1\","
                + "\"tags\":{\"team\":\"web\"},\"configuration\":" + MAPPER.writeValueAsString(configuration) + "}]}")));

        Optional<ConfigurationItem> item = gateway.itemAt("AWS::EC2::SecurityGroup", "sg-big", CAPTURED);

        assertThat(item).hasValueSatisfying(found -> {
            assertThat(found.oversized()).isFalse();
            assertThat(found.status()).isEqualTo("OK");
            assertThat(found.captureTime()).isEqualTo(CAPTURED);
            assertThat(found.tags()).isEqualTo(Map.of("team", "web"));
            assertThat(found.configuration().path("ipPermissions").size()).isEqualTo(1);
        });
        JsonNode request = MAPPER.readTree(aws.jsonRequests("StarlingDoveService.GetResourceConfigHistory").get(0)
                .getBodyAsString());
        assertThat(request.get("resourceId").asText()).isEqualTo("sg-big");
        assertThat(request.get("limit").asInt()).isEqualTo(1);
        assertThat(request.get("laterTime").decimalValue()).isEqualByComparingTo("1795140000.123");
    }

    @Test
    void aResourceConfigNeverSawIsEmpty() {
        aws.server().stubFor(config("GetResourceConfigHistory").willReturn(jsonError(400,
                "ResourceNotDiscoveredException", "Resource sg-x is not discovered")));
        assertThat(gateway.itemAt("AWS::EC2::SecurityGroup", "sg-x", CAPTURED)).isEmpty();
        aws.server().stubFor(config("GetResourceConfigHistory").willReturn(json("{\"configurationItems\":[]}")));
        assertThat(gateway.itemAt("AWS::EC2::SecurityGroup", "sg-x", CAPTURED)).isEmpty();
    }
}
