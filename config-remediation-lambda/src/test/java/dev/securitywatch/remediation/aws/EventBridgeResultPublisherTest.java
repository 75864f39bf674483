package dev.securitywatch.remediation.aws;

import static dev.securitywatch.remediation.testing.AwsStub.events;
import static dev.securitywatch.remediation.testing.AwsStub.json;
import static dev.securitywatch.remediation.testing.AwsStub.jsonError;
import static dev.securitywatch.remediation.testing.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.plan.KeptRule;
import dev.securitywatch.remediation.plan.SpecialGroup;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.ResultPublisher.PublishException;
import dev.securitywatch.remediation.testing.AwsStub;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real SDK EventBridge client against WireMock speaking the JSON 1.1 protocol. */
class EventBridgeResultPublisherTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PUT = "AWSEvents.PutEvents";

    private final AwsStub aws = new AwsStub();
    private final EventBridgeResultPublisher publisher = new EventBridgeResultPublisher(aws.clients().eventBridge());

    @AfterEach
    void stop() {
        aws.close();
    }

    static RemediationResult result(String groupId) {
        return new RemediationResult("111111111111", "us-east-1", groupId, "web", "vpc-1", RemediationMode.ENFORCE,
                Compliance.NON_COMPLIANT, "revoked 1 rule (tcp/22 from 0.0.0.0/0); added 0",
                List.of(rule("tcp", 22, 22, "0.0.0.0/0")), List.of(),
                List.of(new KeptRule(rule("tcp", 8080, 8080, "sg-alb"), "security-group reference kept")),
                List.of(rule("tcp", 22, 22, "0.0.0.0/0")), Optional.empty(), Optional.empty(), Optional.empty(),
                Instant.parse("2026-11-20T02:00:00Z"), Optional.empty());
    }

    @Test
    void putsTheContractEventOnTheDefaultBus() throws Exception {
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":"
                + "\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}]}")));

        publisher.publish(List.of(result("sg-0abc")));

        JsonNode entry = MAPPER.readTree(aws.jsonRequests(PUT).get(0).getBodyAsString()).get("Entries").get(0);
        assertThat(entry.get("Source").asText()).isEqualTo("security-watch.remediation");
        assertThat(entry.get("DetailType").asText()).isEqualTo("Security Group Remediation");
        assertThat(entry.has("EventBusName")).isFalse();
        assertThat(entry.get("Resources").get(0).asText())
                .isEqualTo("arn:aws:ec2:us-east-1:111111111111:security-group/sg-0abc");
        JsonNode detail = MAPPER.readTree(entry.get("Detail").asText());
        assertThat(detail).isEqualTo(MAPPER.readTree("""
                {"account":"111111111111","region":"us-east-1","groupId":"sg-0abc","groupName":"web","vpcId":"vpc-1",
                 "mode":"ENFORCE","compliance":"NON_COMPLIANT",
                 "annotation":"revoked 1 rule (tcp/22 from 0.0.0.0/0); added 0",
                 "revoked":[{"protocol":"tcp","fromPort":22,"toPort":22,"source":{"type":"cidr4","value":"0.0.0.0/0"}}],
                 "authorized":[],
                 "kept":[{"rule":{"protocol":"tcp","fromPort":8080,"toPort":8080,
                                  "source":{"type":"securityGroup","value":"sg-alb"}},
                          "reason":"security-group reference kept"}],
                 "violations":[{"protocol":"tcp","fromPort":22,"toPort":22,"source":{"type":"cidr4","value":"0.0.0.0/0"}}],
                 "special":null,"advice":null,"actor":null,
                 "configurationItemCaptureTime":"2026-11-20T02:00:00.000Z","error":null}
                """));
    }

    @Test
    void specialGroupsCarryTheirKindAndAdvice() throws Exception {
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[{}]}")));
        RemediationResult base = result("sg-cfn");
        publisher.publish(List.of(new RemediationResult(base.account(), base.region(), base.groupId(),
                base.groupName(), base.vpcId(), RemediationMode.REPORT_ONLY, base.compliance(), base.annotation(),
                List.of(), List.of(), List.of(), base.violations(), Optional.of(SpecialGroup.CLOUDFORMATION_MANAGED),
                Optional.of("Fix the template of stack shop"), Optional.empty(), base.configurationItemCaptureTime(),
                Optional.of("revoke failed: x"))));
        JsonNode detail = MAPPER.readTree(MAPPER.readTree(aws.jsonRequests(PUT).get(0).getBodyAsString())
                .get("Entries").get(0).get("Detail").asText());
        assertThat(detail.get("special").asText()).isEqualTo("CLOUDFORMATION_MANAGED");
        assertThat(detail.get("advice").asText()).isEqualTo("Fix the template of stack shop");
        assertThat(detail.get("error").asText()).isEqualTo("revoke failed: x");
    }

    @Test
    void theGroupArnUsesTheRegionsPartition() {
        RemediationResult base = result("sg-1");
        for (String[] regionAndPartition : new String[][] {{"cn-north-1", "aws-cn"}, {"us-gov-west-1", "aws-us-gov"},
                {"eu-west-1", "aws"}}) {
            RemediationResult result = new RemediationResult(base.account(), regionAndPartition[0], "sg-1", null, null,
                    base.mode(), base.compliance(), base.annotation(), List.of(), List.of(), List.of(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), null, Optional.empty());
            assertThat(result.groupArn()).isEqualTo("arn:" + regionAndPartition[1] + ":ec2:" + regionAndPartition[0]
                    + ":111111111111:security-group/sg-1");
        }
    }

    @Test
    void sendsAtMostTenEntriesPerCall() {
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[]}")));
        publisher.publish(IntStream.range(0, 12).mapToObj(i -> result("sg-" + i)).toList());
        assertThat(aws.jsonRequests(PUT)).hasSize(2);
    }

    @Test
    void failedEntriesAreReportedByGroup() {
        aws.server().stubFor(events("PutEvents").willReturn(json("{\"FailedEntryCount\":1,\"Entries\":["
                + "{\"EventId\":\"1\"},{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}")));
        assertThatThrownBy(() -> publisher.publish(List.of(result("sg-ok"), result("sg-lost"))))
                .isInstanceOf(PublishException.class).hasMessage("PutEvents failed for sg-lost InternalFailure");
    }

    @Test
    void aServiceErrorIsAPublishFailure() {
        aws.server().stubFor(events("PutEvents").willReturn(jsonError(400, "AccessDeniedException", "denied")));
        assertThatThrownBy(() -> publisher.publish(List.of(result("sg-1")))).isInstanceOf(PublishException.class)
                .hasMessageContaining("sg-1");
    }
}
