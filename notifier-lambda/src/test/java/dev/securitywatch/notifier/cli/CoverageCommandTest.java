package dev.securitywatch.notifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.notifier.support.LocalChat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code coverage} offline, on an organization of 25 accounts in two list-accounts pages (one suspended, one
 * closed), two member accounts, a heartbeat table scan and enabled regions.
 */
class CoverageCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOW = "2026-12-04T05:00:00Z";
    private static final String PROD = "111111111111";
    private static final String DEV = "222222222222";
    private static final String SECURITY = "999999999999";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private NotifierCli cli;
    private Path accounts;
    private Path config;
    private Path heartbeats;
    private Path regions;

    @BeforeEach
    void files() throws Exception {
        cli = new NotifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), LocalChat::webhookOutbox);
        ArrayNode pages = MAPPER.createArrayNode();
        ArrayNode first = pages.addObject().put("NextToken", "page-2").putArray("Accounts");
        first.addObject().put("Id", PROD).put("Name", "prod").put("State", "ACTIVE");
        first.addObject().put("Id", DEV).put("Name", "dev").put("Status", "ACTIVE");
        first.addObject().put("Id", SECURITY).put("Name", "security").put("State", "ACTIVE");
        for (int i = 0; i < 17; i++) {
            first.addObject().put("Id", String.format("3000000000%02d", i)).put("Name", "team-" + i)
                    .put("State", "ACTIVE");
        }
        ArrayNode second = pages.addObject().putArray("Accounts");
        second.addObject().put("Id", "400000000000").put("Name", "gone").put("State", "SUSPENDED");
        second.addObject().put("Id", "400000000001").put("Name", "closed").put("State", "CLOSED");
        second.addObject().put("Id", "400000000002").put("Name", "sandbox").put("State", "ACTIVE");
        second.addObject().put("Id", "400000000003").put("Name", "data").put("State", "ACTIVE");
        second.addObject().put("Id", "400000000004").put("Name", "ml").put("State", "ACTIVE");
        accounts = write("accounts.json", pages);

        ObjectNode cdk = MAPPER.createObjectNode();
        ObjectNode context = cdk.putObject("context").put("securityAccount", SECURITY);
        ArrayNode members = context.putArray("memberAccounts");
        members.addObject().put("id", PROD).putArray("regions").add("us-east-1").add("ap-northeast-1");
        members.addObject().put("id", DEV).putArray("regions").add("ap-northeast-1");
        config = write("cdk.json", cdk);

        ObjectNode scan = MAPPER.createObjectNode();
        ArrayNode items = scan.putArray("Items");
        item(items, PROD, "us-east-1", "2026-12-04T04:50:00Z");
        item(items, PROD, "global", "2026-12-04T04:50:00Z");
        item(items, PROD, "ap-northeast-1", "2026-12-04T03:00:00Z");
        heartbeats = write("heartbeats.json", scan);

        ObjectNode enabled = MAPPER.createObjectNode();
        enabled.putArray(PROD).add("us-east-1").add("ap-northeast-1").add("eu-west-1");
        // dev is configured for ap-northeast-1, an opt-in region it has not enabled.
        enabled.putArray(DEV).add("us-east-1");
        regions = write("regions.json", enabled);
    }

    private static void item(ArrayNode items, String account, String region, String at) {
        ObjectNode item = items.addObject();
        item.putObject("id").put("S", account + "#" + region);
        item.putObject("account").put("S", account);
        item.putObject("region").put("S", region);
        item.putObject("lastHeartbeat").put("N", Long.toString(Instant.parse(at).toEpochMilli()));
    }

    private Path write(String name, JsonNode json) throws Exception {
        return Files.writeString(dir.resolve(name), json.toString());
    }

    private int coverage(String... more) {
        String[] base = {"coverage", "--accounts", accounts.toString(), "--config", config.toString(),
                "--heartbeats", heartbeats.toString(), "--now", NOW};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return cli.run(args);
    }

    @Test
    void everyGapIsNamedAndTheExitCodeSaysThereAreGaps() throws Exception {
        int exit = coverage("--regions", regions.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode report = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("notEnrolled")).hasSize(20);
        assertThat(report.path("notEnrolled").toString()).contains("team-0", "sandbox", "ml")
                .doesNotContain("gone", "closed", "\"security\"", PROD, DEV);
        assertThat(report.path("suspendedOrClosedSkipped").asInt()).isEqualTo(2);
        assertThat(report.path("silent").toString())
                .contains("{\"account\":\"111111111111\",\"region\":\"ap-northeast-1\",\"lastHeartbeat\":"
                        + "\"2026-12-04T03:00:00Z\"}")
                .contains("{\"account\":\"222222222222\",\"region\":\"ap-northeast-1\",\"lastHeartbeat\":null}");
        assertThat(report.path("silent")).as("prod's us-east-1 and global paths beat 10 minutes ago").hasSize(2);
        assertThat(report.path("unwatchedRegions").toString())
                .isEqualTo("[{\"account\":\"111111111111\",\"region\":\"eu-west-1\"},"
                        + "{\"account\":\"222222222222\",\"region\":\"us-east-1\"}]");
        assertThat(report.path("configuredButNotEnabled").toString())
                .isEqualTo("[{\"account\":\"222222222222\",\"region\":\"ap-northeast-1\"}]");
        assertThat(report.path("securityAccount").toString())
                .isEqualTo("{\"account\":\"999999999999\",\"member\":false}");
        assertThat(report.path("gaps").asInt()).isEqualTo(20 + 2 + 2 + 1 + 1);
        assertThat(report.path("checkedAt").asText()).isEqualTo(NOW);
        assertThat(report.path("organization").toString()).isEqualTo("{\"readAt\":\"" + NOW + "\",\"accounts\":25,"
                + "\"stale\":false}");
        assertThat(report.path("limits")).isEmpty();
    }

    @Test
    void withoutTheRegionsFileTheReportSaysWhatItDidNotCheck() throws Exception {
        coverage();

        JsonNode report = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("unwatchedRegions")).isEmpty();
        assertThat(report.path("limits").toString()).contains("enabled regions not read: no --regions FILE given");
    }

    @Test
    void aLongerCanaryIntervalWaitsLongerBeforeAPathIsSilent() throws Exception {
        coverage("--canary-minutes", "60");

        JsonNode silent = MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).path("silent");
        assertThat(silent.toString()).as("two hours silent at 60-minute canaries is not yet silent")
                .doesNotContain("2026-12-04T03:00:00Z");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "--config => coverage: --config needs a value",
            "--bogus x => coverage: unknown argument --bogus (try --help)",
            "--canary-minutes zero => coverage: --canary-minutes must be a whole number of minutes, got 'zero'",
            "--now yesterday => coverage: --now must be an ISO instant such as 2026-12-04T05:00:00Z"})
    void badArgumentsAreOneLineWithExitTwo(String more, String message) {
        int exit = coverage(more.split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).doesNotContain("Exception", "\tat ");
    }

    @Test
    void badFilesAreOneLineWithExitTwo() throws Exception {
        Files.writeString(heartbeats, "{\"Items\":[{\"account\":{\"S\":\"111\"}}]}");

        assertThat(coverage()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--heartbeats: every item needs account (S),"
                + " region (S) and lastHeartbeat (N, epoch milliseconds)");

        Files.writeString(regions, "{\"prod\": [\"us-east-1\"]}");
        assertThat(coverage("--regions", regions.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--regions: expected a 12-digit account id, got"
                + " 'prod'");

        Files.writeString(accounts, "{\"Users\":[]}");
        assertThat(coverage()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--accounts: expected the output of aws"
                + " organizations list-accounts");
    }

    @Test
    void inStackSetModeTheInstancesFileSaysWhichPathsToExpect() throws Exception {
        ObjectNode cdk = MAPPER.createObjectNode();
        ObjectNode context = cdk.putObject("context").put("securityAccount", SECURITY);
        context.putObject("deployment").put("mode", "stackset").putArray("regions").add("us-east-1");
        config = write("cdk.json", cdk);
        ArrayNode pages = MAPPER.createArrayNode();
        ArrayNode summaries = pages.addObject().putArray("Summaries");
        summaries.addObject().put("Account", PROD).put("Region", "us-east-1").put("Status", "CURRENT")
                .put("DriftStatus", "IN_SYNC").putObject("StackInstanceStatus").put("DetailedStatus", "SUCCEEDED");
        summaries.addObject().put("Account", DEV).put("Region", "us-east-1").put("Status", "OUTDATED")
                .put("StatusReason", "User initiated stop").putObject("StackInstanceStatus")
                .put("DetailedStatus", "CANCELLED");
        Path instances = write("instances.json", pages);
        ObjectNode scan = MAPPER.createObjectNode();
        ArrayNode items = scan.putArray("Items");
        item(items, PROD, "us-east-1", "2026-12-04T04:50:00Z");
        ((ObjectNode) items.get(0)).putObject("lastStackSetHeartbeat").put("N", Long.toString(Instant.parse(
                "2026-12-04T04:50:00Z").toEpochMilli()));
        item(items, PROD, "global", "2026-12-04T04:50:00Z");
        heartbeats = write("heartbeats.json", scan);

        assertThat(coverage("--stack-instances", instances.toString())).isEqualTo(1);

        JsonNode report = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("stackSet").path("instances").asInt()).isEqualTo(2);
        assertThat(report.path("stackSet").path("problems").toString()).isEqualTo("[{\"account\":\"222222222222\","
                + "\"region\":\"us-east-1\",\"problem\":\"outdated (CANCELLED): User initiated stop\"}]");
        assertThat(report.path("silent").toString()).contains(DEV).doesNotContain(PROD);
        assertThat(report.path("notEnrolled")).as("21 active accounts without an instance, the security account"
                + " included as a gap of its own").hasSize(20);
        assertThat(report.path("securityAccount").path("member").asBoolean()).isFalse();
    }

    @Test
    void stackInstancesNeedStackSetModeAndTheirOwnShape() throws Exception {
        Path instances = Files.writeString(dir.resolve("instances.json"), "{\"StackSets\":[]}");

        assertThat(coverage("--stack-instances", instances.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("coverage: --stack-instances needs"
                + " context.deployment.mode stackset in --config");

        ObjectNode cdk = MAPPER.createObjectNode();
        cdk.putObject("context").put("securityAccount", SECURITY).putObject("deployment").put("mode", "stackset")
                .putArray("regions").add("us-east-1");
        config = write("cdk.json", cdk);
        assertThat(coverage("--stack-instances", instances.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--stack-instances: expected the output of aws"
                + " cloudformation list-stack-instances");
    }

    @Test
    void fullCoverageExitsZero() throws Exception {
        ObjectNode onlyMembers = MAPPER.createObjectNode();
        ArrayNode list = onlyMembers.putArray("Accounts");
        list.addObject().put("Id", PROD).put("State", "ACTIVE");
        accounts = write("accounts.json", onlyMembers);
        ObjectNode cdk = MAPPER.createObjectNode();
        ObjectNode context = cdk.putObject("context").put("securityAccount", PROD);
        context.putArray("memberAccounts").addObject().put("id", PROD).putArray("regions").add("us-east-1");
        config = write("cdk.json", cdk);

        assertThat(coverage()).isZero();
        assertThat(MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).path("gaps").asInt()).isZero();
    }
}
