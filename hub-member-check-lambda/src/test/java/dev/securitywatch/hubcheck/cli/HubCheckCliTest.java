package dev.securitywatch.hubcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubCheckCliTest {
    private static final String PREVIOUS = "{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":["
            + "{\"accountId\":\"111111111111\",\"memberStatus\":\"Invited\"},"
            + "{\"accountId\":\"222222222222\",\"memberStatus\":\"Enabled\"},"
            + "{\"accountId\":\"444444444444\",\"memberStatus\":\"ENABLED\"}]}}";
    private static final String CURRENT = "{\"takenAt\":\"2026-11-23T02:00:00Z\",\"regions\":{\"us-east-1\":["
            + "{\"accountId\":\"111111111111\",\"memberStatus\":\"Enabled\"},"
            + "{\"accountId\":\"333333333333\",\"memberStatus\":\"Invited\"},"
            + "{\"accountId\":\"444444444444\",\"memberStatus\":\"Enabled\"},"
            + "{\"accountId\":\"555555555555\",\"memberStatus\":\"Resigned\"},"
            + "{\"accountId\":\"666666666666\",\"memberStatus\":\"Enabled\"}]},"
            + "\"organization\":[{\"accountId\":\"111111111111\",\"name\":\"prod\",\"state\":\"ACTIVE\"},"
            + "{\"accountId\":\"555555555555\",\"name\":\"dev\",\"state\":\"ACTIVE\"},"
            + "{\"accountId\":\"444444444444\",\"name\":\"old\",\"state\":\"SUSPENDED\"},"
            + "{\"accountId\":\"777777777777\",\"name\":\"sandbox\",\"state\":\"ACTIVE\"},"
            + "{\"accountId\":\"999999999999\",\"name\":\"security\",\"state\":\"ACTIVE\"}]}";

    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsChangesFindingsAndTheSlackPayloadAsOneJsonObject() throws Exception {
        env.put("REPORT_TIMEZONE", "Asia/Tokyo");
        env.put("ACCOUNT_NAMES", "{\"333333333333\": \"staging\"}");

        int exit = run("diff", "--administrator", "999999999999", file("previous.json", PREVIOUS),
                file("current.json", CURRENT));

        assertThat(exit).isZero();
        assertThat(err()).isEmpty();
        JsonNode result = new ObjectMapper().readTree(out());
        assertThat(result.path("changes").toString()).isEqualTo("["
                + "{\"region\":\"us-east-1\",\"accountId\":\"111111111111\",\"from\":\"Invited\",\"to\":\"Enabled\"},"
                + "{\"region\":\"us-east-1\",\"accountId\":\"222222222222\",\"from\":\"Enabled\",\"to\":null},"
                + "{\"region\":\"us-east-1\",\"accountId\":\"333333333333\",\"from\":null,\"to\":\"Invited\"},"
                + "{\"region\":\"us-east-1\",\"accountId\":\"555555555555\",\"from\":null,\"to\":\"Resigned\"},"
                + "{\"region\":\"us-east-1\",\"accountId\":\"666666666666\",\"from\":null,\"to\":\"Enabled\"}]");
        assertThat(result.path("resigned").toString())
                .isEqualTo("[{\"region\":\"us-east-1\",\"accountId\":\"555555555555\"}]");
        assertThat(result.path("notMembers").toString())
                .isEqualTo("[{\"region\":\"us-east-1\",\"accountId\":\"777777777777\",\"state\":\"ACTIVE\"}]");
        assertThat(result.path("outsideOrg").toString()).isEqualTo("["
                + "{\"region\":\"us-east-1\",\"accountId\":\"333333333333\",\"memberStatus\":\"Invited\"},"
                + "{\"region\":\"us-east-1\",\"accountId\":\"666666666666\",\"memberStatus\":\"Enabled\"}]");
        assertThat(result.path("suspendedButEnabled").toString()).isEqualTo("[{\"region\":\"us-east-1\","
                + "\"accountId\":\"444444444444\",\"memberStatus\":\"Enabled\",\"state\":\"SUSPENDED\"}]");
        JsonNode payload = result.path("payload");
        assertThat(payload.path("text").asText())
                .isEqualTo("Security Hub membership 2026-11-23: 5 changes, 1 resigned, 1 not enrolled,"
                        + " 2 outside the organization, 1 suspended but Enabled");
        assertThat(payload.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("Security Hub membership · 2026-11-23 (Mon)");
        assertThat(payload.toString()).contains("`333333333333` (staging): new, Invited");
    }

    @Test
    void comparesAnOriginalStackFileWithANewSnapshot() throws Exception {
        String legacy = file("20261120.json", "{\"Enabled\":[\"111111111111\"],\"Invited\":[\"222222222222\"]}");
        String current = file("current.json", "{\"takenAt\":\"2026-11-23T02:00:00Z\",\"regions\":{"
                + "\"ap-northeast-1\":[{\"accountId\":\"111111111111\",\"memberStatus\":\"ENABLED\"},"
                + "{\"accountId\":\"222222222222\",\"memberStatus\":\"Enabled\"}]}}");

        assertThat(run("diff", legacy, current)).isZero();

        JsonNode result = new ObjectMapper().readTree(out());
        assertThat(result.path("changes").toString()).isEqualTo("[{\"region\":\"ap-northeast-1\","
                + "\"accountId\":\"222222222222\",\"from\":\"Invited\",\"to\":\"Enabled\"}]");
        assertThat(result.path("payload").toString()).contains("Compared with the legacy snapshot "
                + legacy.replace("\\", "\\\\"));
    }

    @Test
    void twoLegacyFilesNeedTheCentralRegion() throws Exception {
        String a = file("a.json", "{\"Enabled\":[\"111111111111\"]}");
        String b = file("b.json", "{\"Resigned\":[\"111111111111\"]}");

        assertThat(run("diff", a, b)).isEqualTo(2);
        assertThat(err()).isEqualTo("error: a legacy single-region snapshot cannot be matched to a region here:"
                + " name it with --central-region\n");

        out.reset();
        err.reset();
        assertThat(run("diff", "--central-region", "eu-west-1", a, b)).isZero();
        assertThat(out()).contains("\"region\" : \"eu-west-1\"", "\"from\" : \"Enabled\"", "\"to\" : \"Resigned\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no command | | error: no command given; commands: diff (try --help)",
            "unknown command | render | error: unknown command 'render'; commands: diff (try --help)",
            "one file | diff PREVIOUS | error: diff needs exactly two files, PREVIOUS.json and CURRENT.json (got 1)",
            "three files | diff PREVIOUS CURRENT CURRENT | error: diff needs exactly two files",
            "unknown option | diff --verbose PREVIOUS CURRENT | error: unknown option --verbose (try --help)",
            "option without value | diff PREVIOUS CURRENT --timezone | error: --timezone needs a value",
            "bad time zone | diff --timezone Mars/Base PREVIOUS CURRENT | error: --timezone must be an IANA time zone such as Asia/Tokyo, not 'Mars/Base'",
            "bad administrator | diff --administrator 12 PREVIOUS CURRENT | error: --administrator must be a 12-digit account id",
            "missing file | diff PREVIOUS MISSING | error: MISSING: no such file",
            "invalid JSON | diff PREVIOUS BROKEN | error: BROKEN: not valid JSON (line 1, column",
            "unknown shape | diff PREVIOUS UNKNOWN | error: UNKNOWN: unknown snapshot shape",
            "corrupt snapshot | diff CORRUPT CURRENT | error: CORRUPT: 'regions.us-east-1[0].accountId' is not a 12-digit account id"})
    void badInputIsOneLineOnStderrWithExitCode2(String why, String args, String message) throws Exception {
        Map<String, String> files = Map.of(
                "PREVIOUS", file("previous.json", PREVIOUS),
                "CURRENT", file("current.json", CURRENT),
                "MISSING", dir.resolve("missing.json").toString(),
                "BROKEN", file("broken.json", "{\"takenAt\": "),
                "UNKNOWN", file("unknown.json", "{\"Members\": {\"a\": 1}}"),
                "CORRUPT", file("corrupt.json", "{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":"
                        + "[{\"accountId\":\"x\",\"memberStatus\":\"Enabled\"}]}}"));
        String[] argv = args == null ? new String[0] : args.split(" ");
        for (int i = 0; i < argv.length; i++) {
            argv[i] = files.getOrDefault(argv[i], argv[i]);
        }
        String expected = message;
        for (Map.Entry<String, String> file : files.entrySet()) {
            expected = expected.replace(file.getKey() + ":", file.getValue() + ":");
        }

        assertThat(run(argv)).isEqualTo(2);

        assertThat(out()).isEmpty();
        assertThat(err()).startsWith(expected).doesNotContain("\tat ", "Exception");
        if (argv.length > 0) {
            assertThat(err().lines()).hasSize(1);
        }
    }

    @Test
    void aBadEnvironmentValueIsABadInputToo() throws Exception {
        env.put("ACCOUNT_NAMES", "[\"prod\"]");

        assertThat(run("diff", file("p.json", PREVIOUS), file("c.json", CURRENT))).isEqualTo(2);
        assertThat(err()).isEqualTo("error: ACCOUNT_NAMES must be a JSON object {\"111111111111\": \"prod\", ...}\n");
    }

    @Test
    void helpGoesToStdoutWithExitCode0() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("diff [options] PREVIOUS.json CURRENT.json", "--central-region");
    }

    private int run(String... args) {
        return new HubCheckCli(env, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC)).run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
