package dev.securitywatch.notifier.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.notifier.support.Rendering;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Only the whole heartbeat shape is a heartbeat: the canary's role, its write, its target. */
class HeartbeatTest {

    static EventEnvelope call(String service, String eventName, String role, String request, String region,
                              String extra) {
        String json = "{\"eventVersion\":\"1.08\",\"eventID\":\"" + eventName + "-" + role + "\","
                + "\"eventTime\":\"2026-12-04T04:45:02Z\",\"eventSource\":\"" + service + ".amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"" + region + "\",\"recipientAccountId\":"
                + "\"111111111111\",\"userIdentity\":{\"type\":\"AssumedRole\",\"accountId\":\"111111111111\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"" + role + "\"}}},"
                + "\"requestParameters\":" + request + extra + "}";
        return (EventEnvelope) Rendering.parse(json).get(0);
    }

    @Test
    void theCanarysWriteIsTheHeartbeatOfItsAccountAndRegion() {
        EventEnvelope write = call("ssm", "PutParameter", "security-watch-canary-ap-northeast-1",
                "{\"name\":\"/security-watch/canary\",\"overwrite\":true}", "ap-northeast-1", "");

        assertThat(Heartbeat.of(write)).contains(new Heartbeat(new Heartbeat.Path("111111111111", "ap-northeast-1"),
                MemberNames.STACKS, Instant.parse("2026-12-04T04:45:02Z")));
    }

    @Test
    void theStackSetsCanaryBeatsForTheSamePath() {
        EventEnvelope write = call("ssm", "PutParameter", "security-watch-canary-org-ap-northeast-1",
                "{\"name\":\"/security-watch/canary-org\",\"overwrite\":true}", "ap-northeast-1", "");
        EventEnvelope tag = call("iam", "TagRole", "security-watch-canary-org-us-east-1",
                "{\"roleName\":\"security-watch-canary-org-us-east-1\"}", "us-east-1", "");

        assertThat(Heartbeat.of(write)).contains(new Heartbeat(new Heartbeat.Path("111111111111",
                "ap-northeast-1"), MemberNames.STACKSET, Instant.parse("2026-12-04T04:45:02Z")));
        assertThat(Heartbeat.of(tag)).contains(new Heartbeat(new Heartbeat.Path("111111111111", Heartbeat.GLOBAL),
                MemberNames.STACKSET, Instant.parse("2026-12-04T04:45:02Z")));
        assertThat(Heartbeat.of(call("ssm", "PutParameter", "security-watch-canary-org-ap-northeast-1",
                "{\"name\":\"/security-watch/canary-orgs\"}", "ap-northeast-1", ""))).as("a look-alike parameter")
                .isEmpty();
    }

    @Test
    void theCanarysTagIsTheHeartbeatOfTheGlobalServices() {
        EventEnvelope tag = call("iam", "TagRole", "security-watch-canary-us-east-1",
                "{\"roleName\":\"security-watch-canary-us-east-1\"}", "us-east-1", "");

        assertThat(Heartbeat.of(tag)).contains(new Heartbeat(new Heartbeat.Path("111111111111", Heartbeat.GLOBAL),
                MemberNames.STACKS, Instant.parse("2026-12-04T04:45:02Z")));
    }

    @Test
    void anythingElseIsNotAHeartbeat() {
        assertThat(Heartbeat.of(call("ssm", "PutParameter", "deployer", "{\"name\":\"/security-watch/canary\"}",
                "us-east-1", ""))).as("someone else writing the canary parameter").isEmpty();
        assertThat(Heartbeat.of(call("ssm", "PutParameter", "security-watch-canary-us-east-1",
                "{\"name\":\"/prod/db\"}", "us-east-1", ""))).as("the canary role writing elsewhere").isEmpty();
        assertThat(Heartbeat.of(call("iam", "TagRole", "security-watch-canary-us-east-1", "{\"roleName\":\"admin\"}",
                "us-east-1", ""))).as("the canary role tagging another role").isEmpty();
        assertThat(Heartbeat.of(call("ssm", "PutParameter", "security-watch-canary-us-east-1",
                "{\"name\":\"/security-watch/canary\"}", "us-east-1", ",\"errorCode\":\"AccessDenied\"")))
                .as("a refused write travelled the path but proves the canary broken; it is not a heartbeat")
                .isEmpty();
    }
}
