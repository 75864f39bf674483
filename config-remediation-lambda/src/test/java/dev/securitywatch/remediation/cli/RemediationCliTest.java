package dev.securitywatch.remediation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.lambdakit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemediationCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SSH_OPEN = "config/lambda-ConfigurationItemChangeNotification-AWS-EC2-SecurityGroup-c7n-1.json";
    private static final String WORLD_RULES = "config/lambda-ConfigurationItemChangeNotification-AWS-EC2-SecurityGroup-"
            + "awsconfigrules-test_sg_no_port_open_to_world-1.json";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(RemediationCli::run, args);
    }

    private Path corpus(String path) throws IOException {
        Path file = dir.resolve(Path.of(path).getFileName());
        Files.writeString(file, AcceptanceData.text(path));
        return file;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void plansOneJsonLinePerGroupInTheDefaultReportOnlyMode() throws IOException {
        CliRun run = run("plan", corpus(SSH_OPEN).toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line.get("resourceId").asText()).isEqualTo("sg-e2fb6999");
            assertThat(line.get("compliance").asText()).isEqualTo("NON_COMPLIANT");
            assertThat(line.get("annotation").asText()).isEqualTo("not changed (REPORT_ONLY); 1 rule outside the"
                    + " allow-list (tcp/22 from 0.0.0.0/0); missing 2 required rules (tcp/80 from 0.0.0.0/0,"
                    + " tcp/443 from 0.0.0.0/0)");
            assertThat(line.get("revoke")).isEmpty();
            assertThat(line.get("authorize")).isEmpty();
            assertThat(line.get("kept")).isEmpty();
        });
    }

    @Test
    void enforcePrintsTheRulesToRevokeAndAdd() throws IOException {
        CliRun run = run("plan", "--mode", "ENFORCE", corpus(SSH_OPEN).toString(), corpus(WORLD_RULES).toString());
        assertThat(run.exit()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("revoke")).isEqualTo(MAPPER.readTree("[{\"protocol\":\"tcp\",\"fromPort\":22,"
                + "\"toPort\":22,\"source\":{\"type\":\"cidr4\",\"value\":\"0.0.0.0/0\"}}]"));
        assertThat(lines.get(0).get("authorize")).hasSize(2);
        assertThat(lines.get(1).get("revoke")).hasSize(3);
        assertThat(lines.get(1).get("annotation").asText()).startsWith("revoked 3 rules (tcp/0-65535 from 0.0.0.0/0,");
    }

    @Test
    void readsTheRemediationKeysOfACdkJsonContext() throws IOException {
        Path cdkJson = file("cdk.json", """
                {"app": "mvn -e -q compile exec:java",
                 "context": {"remediationMode": "REVOKE_ONLY", "securityAccount": "123456789012",
                             "ingressAllowList": [{"protocol": "tcp", "fromPort": 22, "toPort": 22,
                                                   "source": "0.0.0.0/0"}]}}
                """);
        CliRun run = run("plan", "--context", cdkJson.toString(), corpus(SSH_OPEN).toString());
        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line.get("compliance").asText()).isEqualTo("COMPLIANT");
            assertThat(line.get("annotation").asText()).isEqualTo("ingress matches the allow-list");
        });
    }

    @Test
    void usesTheModeOfTheEventsMemberAccount() throws IOException {
        Path cdkJson = file("cdk.json", """
                {"context": {"remediationMode": "REPORT_ONLY",
                             "memberAccounts": [{"id": "123456789012", "remediationMode": "REVOKE_ONLY"}],
                             "remediation": {"periodicFrequency": "TwentyFour_Hours"}}}
                """);
        CliRun run = run("plan", "--context", cdkJson.toString(), corpus(SSH_OPEN).toString());
        assertThat(run.lines().get(0).get("revoke")).hasSize(1);
        CliRun overridden = run("plan", "--context", cdkJson.toString(), "--mode", "REPORT_ONLY",
                corpus(SSH_OPEN).toString());
        assertThat(overridden.lines().get(0).get("revoke")).isEmpty();
    }

    @Test
    void anAllowListFileAndExemptionsApply() throws IOException {
        Path allowList = file("allow.json", "[{\"protocol\": \"tcp\", \"fromPort\": 443, \"source\": \"0.0.0.0/0\"}]");
        CliRun exempt = run("plan", "--allow-list", allowList.toString(), "--exempt", "sg-e2fb6999", "--mode", "enforce",
                corpus(SSH_OPEN).toString());
        assertThat(exempt.lines().get(0).get("annotation").asText()).isEqualTo("exempt: listed in exemptSecurityGroupIds");
        CliRun listed = run("plan", "--allow-list", allowList.toString(), "--mode", "REVOKE_ONLY",
                corpus(SSH_OPEN).toString());
        assertThat(listed.lines().get(0).get("annotation").asText()).isEqualTo("revoked 1 rule (tcp/22 from 0.0.0.0/0);"
                + " added 0");
    }

    @Test
    void keptReferencesAreListedForCompliantGroups() throws IOException {
        Path event = file("ref.json", """
                {"configurationItemCaptureTime": "2026-11-20T02:00:00.000Z", "configurationItemStatus": "OK",
                 "resourceType": "AWS::EC2::SecurityGroup", "resourceId": "sg-app", "awsAccountId": "111111111111",
                 "configuration": {"groupId": "sg-app", "groupName": "app", "ownerId": "111111111111",
                   "ipPermissions": [{"ipProtocol": "tcp", "fromPort": 8080, "toPort": 8080,
                     "userIdGroupPairs": [{"groupId": "sg-alb", "userId": "111111111111"}]}]}}
                """);
        CliRun run = run("plan", "--allow-list", file("empty.json", "[]").toString(), event.toString());
        assertThat(run.lines().get(0).get("kept")).isEqualTo(MAPPER.readTree("[{\"rule\":{\"protocol\":\"tcp\","
                + "\"fromPort\":8080,\"toPort\":8080,\"source\":{\"type\":\"securityGroup\",\"value\":\"sg-alb\"}},"
                + "\"reason\":\"security-group reference kept\"}]"));
        assertThat(run.lines().get(0).get("compliance").asText()).isEqualTo("COMPLIANT");
    }

    @Test
    void notApplicableItemsArePrinted() throws IOException {
        CliRun run = run("plan", corpus("config/lambda-ConfigurationItemChangeNotification-AWS-EC2-Instance-awsdocs-1.json")
                .toString());
        assertThat(run.lines().get(0).get("compliance").asText()).isEqualTo("NOT_APPLICABLE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no arguments                   |                                    | no command given; commands: plan",
            "unknown command                | apply x.json                       | unknown command 'apply'; commands: plan",
            "no files                       | plan --mode ENFORCE                | no event files given",
            "unknown option                 | plan --force x.json                | unknown option --force",
            "option without value           | plan x.json --mode                 | --mode needs a value",
            "bad mode                       | plan --mode SOMETIMES x.json       | --mode: expected REPORT_ONLY",
            "bad exempt id                  | plan --exempt i-123 x.json         | --exempt: expected a security group id such as sg-0123456789abcdef0, got \"i-123\"",
            "exempt id not in the AWS form  | plan --exempt sg-nothex x.json     | --exempt: expected a security group id such as sg-0123456789abcdef0, got \"sg-nothex\"; a security group id is sg- and 8 or 17 lowercase hex digits",
            "both policy sources            | plan --context a --allow-list b x  | use either --context or --allow-list",
            "missing file                   | plan DIR/missing.json              | DIR/missing.json: no such file",
    })
    void badArgumentsExitTwoWithOneLine(String name, String args, String message) {
        String[] argv = args == null ? new String[0] : args.replace("DIR", dir.toString()).trim().split("\\s+");
        CliRun run = run(argv);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: " + message.replace("DIR", dir.toString())).endsWith("\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "invalid JSON      | {not json                          | bad.json: not valid JSON (line 1",
            "empty file        | ''                                 | bad.json: file is empty",
            "unknown shape     | {\"detail\": {}}                   | bad.json: not a Config rule invocation",
            "other message     | {\"messageType\": \"ConfigurationSnapshotDeliveryCompleted\"} | bad.json: unsupported Config messageType",
            "scheduled         | {\"messageType\": \"ScheduledNotification\", \"notificationCreationTime\": \"2026-01-01T00:00:00Z\"} | bad.json: ScheduledNotification sweeps the live groups",
            "oversized         | {\"messageType\": \"OversizedConfigurationItemChangeNotification\", \"configurationItemSummary\": {\"resourceType\": \"AWS::EC2::SecurityGroup\", \"resourceId\": \"sg-1\", \"configurationItemStatus\": \"OK\"}} | bad.json: OversizedConfigurationItemChangeNotification for sg-1 carries no configuration",
            "bad rule          | {\"configurationItemCaptureTime\": \"2026-01-01T00:00:00Z\", \"resourceType\": \"AWS::EC2::SecurityGroup\", \"resourceId\": \"sg-1\", \"configuration\": {\"ipPermissions\": [{\"ipProtocol\": \"tcp\", \"fromPort\": 1, \"toPort\": 2, \"ipv4Ranges\": [{\"cidrIp\": \"nonsense\"}]}]}} | bad.json: configuration.ipPermissions[0] of sg-1",
    })
    void badEventFilesExitTwoWithOneLineAndNoOutput(String name, String content, String message) throws IOException {
        Path good = corpus(SSH_OPEN);
        Path bad = file("bad.json", content);
        CliRun run = run("plan", good.toString(), bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: " + dir.resolve(message.substring(0, message.indexOf(':')))
                + message.substring(message.indexOf(':')));
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnexpectedFailureIsStillOneLineWithoutAStackTrace() {
        CliRun run = run("plan", "bad\0name.json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: InvalidPathException: ").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aBadContextNamesTheFileAndTheKey() throws IOException {
        Path cdkJson = file("cdk.json", "{\"context\": {\"ingressAllowList\": [{\"protocol\": \"tcp\"}]}}");
        CliRun run = run("plan", "--context", cdkJson.toString(), corpus(SSH_OPEN).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + cdkJson + ": ingressAllowList[0].fromPort: required for tcp and"
                + " udp (an integer 0-65535)\n");
        CliRun noContext = run("plan", "--context", file("x.json", "{}").toString(), corpus(SSH_OPEN).toString());
        assertThat(noContext.err()).contains("no \"context\" object");
    }
}
