package dev.securitywatch.remediation.handler;

import static dev.securitywatch.remediation.testing.AwsStub.config;
import static dev.securitywatch.remediation.testing.AwsStub.ec2;
import static dev.securitywatch.remediation.testing.AwsStub.events;
import static dev.securitywatch.remediation.testing.AwsStub.json;
import static dev.securitywatch.remediation.testing.AwsStub.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.lambdakit.settings.SettingsException;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.lambdakit.testing.MetricsCapture;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import dev.securitywatch.remediation.policy.PolicyException;
import dev.securitywatch.remediation.testing.AwsStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler end to end: a real Config event in, the real SDK clients against WireMock, and out the real Powertools
 * output: JSON log lines and one EMF line.
 */
class RemediationHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SSH_OPEN = "config/lambda-ConfigurationItemChangeNotification-AWS-EC2-SecurityGroup-c7n-1.json";
    private static final Map<String, String> ENFORCE = Map.of("AWS_REGION", "eu-west-1",
            "REMEDIATION_POLICY", "{\"remediationMode\": \"ENFORCE\", \"ingressAllowList\": []}");

    private final AwsStub aws = new AwsStub();
    private final LogCapture logs = LogCapture.start();
    private final MetricsCapture metrics = MetricsCapture.start();

    @AfterEach
    void stop() {
        metrics.close();
        logs.close();
        aws.close();
    }

    private RemediationHandler handler(Map<String, String> environment) {
        return RemediationHandler.with(environment, aws.clients());
    }

    private List<JsonNode> logLines() {
        return logs.lines();
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void remediatesARealConfigEventAndLogsOneLine() throws Exception {
        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(xml("DescribeSecurityGroups",
                "<securityGroupInfo><item><ownerId>123456789012</ownerId><groupId>sg-e2fb6999</groupId>"
                        + "<groupName>sg_open_ssh</groupName><vpcId>vpc-f16e4296</vpcId><ipPermissions/><tagSet/>"
                        + "</item></securityGroupInfo>")));
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").willReturn(xml("DescribeSecurityGroupRules",
                "<securityGroupRuleSet><item><securityGroupRuleId>sgr-ssh</securityGroupRuleId>"
                        + "<groupId>sg-e2fb6999</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>false"
                        + "</isEgress><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>"
                        + "<cidrIpv4>0.0.0.0/0</cidrIpv4></item></securityGroupRuleSet>")));
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress").willReturn(xml("RevokeSecurityGroupIngress",
                "<return>true</return>")));
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[{}]}")));
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler(ENFORCE).handleRequest(input(AcceptanceData.text(SSH_OPEN)), output, null);

        assertThat(aws.ec2Requests("RevokeSecurityGroupIngress")).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("SecurityGroupRuleId.1=sgr-ssh"));
        assertThat(aws.ec2Requests("AuthorizeSecurityGroupIngress")).isEmpty();
        JsonNode evaluation = MAPPER.readTree(aws.jsonRequests("StarlingDoveService.PutEvaluations").get(0)
                .getBodyAsString()).get("Evaluations").get(0);
        assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(evaluation.get("Annotation").asText()).isEqualTo("revoked 1 rule (tcp/22 from 0.0.0.0/0); added 0");
        assertThat(aws.jsonRequests("AWSEvents.PutEvents")).hasSize(1);

        List<JsonNode> lines = logLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).get("message").asText()).isEqualTo("evaluated 1 resources, 1 with violations");
        assertThat(lines.get(1).get("evaluations").get(0).get("resourceId").asText()).isEqualTo("sg-e2fb6999");
        assertThat(lines.get(2).get("result").get("revoked")).hasSize(1);
        assertThat(lines).allSatisfy(line -> assertThat(line.path("service").asText())
                .isEqualTo("security-watch-remediation"));
        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        JsonNode emf = metrics.single();
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("SecurityWatch");
        assertThat(emf.path("Service").asText()).isEqualTo("security-watch-remediation");
        assertThat(emf.path("GroupsEvaluated").asInt()).isEqualTo(1);
        assertThat(emf.path("GroupsViolating").asInt()).isEqualTo(1);
        assertThat(emf.path("RulesRevoked").asInt()).isEqualTo(1);
        assertThat(emf.path("RulesAuthorized").asInt()).isZero();
        assertThat(emf.path("RemediationFailed").asInt()).isZero();
    }

    @Test
    void aFailedPublishIsLoggedAsAWarningWithTheFullResult() throws Exception {
        aws.server().stubFor(events("PutEvents").willReturn(AwsStub.jsonError(400, "AccessDeniedException", "no")));
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));

        handler(Map.of("AWS_REGION", "eu-west-1")).handleRequest(input(AcceptanceData.text(SSH_OPEN)),
                new ByteArrayOutputStream(), null);

        List<JsonNode> lines = logLines();
        assertThat(lines.get(0).get("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(0).get("warnings").get(0).asText()).startsWith("result events not published");
        assertThat(lines.get(2).get("result").get("violations")).hasSize(1);
        assertThat(aws.ec2Requests("DescribeSecurityGroupRules")).isEmpty();
    }

    @Test
    void whenConfigCannotBeReachedTheResultIsStillLoggedAndTheInvocationFails() throws Exception {
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[{}]}")));
        aws.server().stubFor(config("PutEvaluations").willReturn(AwsStub.jsonError(400, "InvalidResultTokenException",
                "The specified ResultToken is invalid.")));
        RemediationHandler handler = handler(Map.of("AWS_REGION", "eu-west-1"));

        assertThatThrownBy(() -> handler.handleRequest(input(AcceptanceData.text(SSH_OPEN)),
                new ByteArrayOutputStream(), null)).hasMessageContaining("ResultToken is invalid");

        List<JsonNode> lines = logLines();
        assertThat(lines.get(0).get("level").asText()).isEqualTo("ERROR");
        assertThat(lines.get(0).get("warnings").get(0).asText()).startsWith("evaluations not reported to Config:");
        assertThat(lines.get(2).get("result").get("groupId").asText()).isEqualTo("sg-e2fb6999");
        assertThat(aws.jsonRequests("AWSEvents.PutEvents")).hasSize(1);
        assertThat(metrics.single().path("GroupsViolating").asInt()).as("counted before the retry").isEqualTo(1);
    }

    @Test
    void aLargeSweepIsLoggedInLinesOfAtMostOneHundredEvaluations() throws Exception {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            groups.append("<item><ownerId>111111111111</ownerId><groupId>sg-").append(i)
                    .append("</groupId><groupName>g</groupName><ipPermissions/><tagSet/></item>");
        }
        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(xml("DescribeSecurityGroups",
                "<securityGroupInfo>" + groups + "</securityGroupInfo>")));
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[]}")));

        handler(Map.of("AWS_REGION", "eu-west-1", "REMEDIATION_POLICY", "{\"ingressAllowList\": []}"))
                .handleRequest(input(AcceptanceData.text("config/lambda-ScheduledNotification-none-awsdocs-1.json")),
                        new ByteArrayOutputStream(), null);

        List<JsonNode> lines = logLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).extracting(line -> line.get("evaluations").size()).containsExactly(100, 100, 50);
        assertThat(lines.get(3).get("message").asText()).isEqualTo("evaluations 201-250 of 250");
        assertThat(metrics.single().path("GroupsEvaluated").asInt()).isEqualTo(250);
        assertThat(aws.jsonRequests("StarlingDoveService.PutEvaluations")).hasSize(3);
    }

    @Test
    void anotherConfigRuleOfTheAccountPointedAtTheFunctionIsRefusedBeforeAnyCall() {
        RemediationHandler handler = handler(Map.of("AWS_REGION", "eu-west-1",
                "CONFIG_RULE_NAME", "security-watch-sg-ingress"));

        assertThatThrownBy(() -> handler.handleRequest(input(AcceptanceData.text(SSH_OPEN)),
                new ByteArrayOutputStream(), null))
                .isInstanceOf(InvalidInvocationException.class)
                .hasMessage("invoked by Config rule 'custodian-sg-exposed-port7', not this stack's rule"
                        + " 'security-watch-sg-ingress': refused, nothing evaluated or changed");
        assertThat(aws.server().getAllServeEvents()).as("no EC2, Config or EventBridge call").isEmpty();
        assertThat(logLines()).singleElement().satisfies(line ->
                assertThat(line.path("message").asText()).startsWith("invocation rejected: invoked by Config rule"));
    }

    @Test
    void theStacksOwnRuleIsServed() throws Exception {
        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(xml("DescribeSecurityGroups",
                "<securityGroupInfo/>")));
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[{}]}")));
        aws.server().stubFor(config("PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));
        String ownRule = AcceptanceData.text(SSH_OPEN).replace("custodian-sg-exposed-port7", "security-watch-sg-ingress");

        handler(Map.of("AWS_REGION", "eu-west-1", "CONFIG_RULE_NAME", "security-watch-sg-ingress"))
                .handleRequest(input(ownRule), new ByteArrayOutputStream(), null);

        assertThat(aws.jsonRequests("StarlingDoveService.PutEvaluations")).hasSize(1);
    }

    @Test
    void anInputThatIsNoConfigInvocationIsLoggedAndThrown() {
        RemediationHandler handler = handler(ENFORCE);
        assertThatThrownBy(() -> handler.handleRequest(input("{\"hello\": 1}"), new ByteArrayOutputStream(), null))
                .isInstanceOf(InvalidInvocationException.class)
                .hasMessageStartingWith("not a Config rule invocation");
        assertThat(logLines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("message").asText()).startsWith("invocation rejected: not a Config rule invocation");
        });
        assertThat(metrics.emf()).isEmpty();
        assertThat(aws.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void anInvalidPolicyFailsTheContainerStartWithTheKeyNamed() {
        assertThatThrownBy(() -> handler(Map.of("AWS_REGION", "eu-west-1", "REMEDIATION_POLICY",
                "{\"remediationMode\": \"SOMETIMES\"}"))).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("REMEDIATION_POLICY: remediationMode: expected one of")
                .hasCauseInstanceOf(PolicyException.class);
        assertThatThrownBy(() -> handler(Map.of("AWS_REGION", "eu-west-1", "REMEDIATION_POLICY", "{oops")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("REMEDIATION_POLICY: not valid JSON");
        assertThatThrownBy(() -> handler(Map.of())).isInstanceOf(SettingsException.class)
                .hasMessage("AWS_REGION is not set");
    }

    @Test
    void primingBeforeTheSnapshotCallsNoAws() throws Exception {
        handler(ENFORCE).priming.beforeCheckpoint(null);
        handler(ENFORCE).priming.afterRestore(null);
        assertThat(aws.server().getAllServeEvents()).isEmpty();
        assertThat(logs.text()).isEmpty();
        assertThat(metrics.text()).isEmpty();
    }
}
