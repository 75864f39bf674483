package dev.securitywatch.notifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.notifier.support.LocalChat;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.notifier.support.SuppressionLists;
import dev.securitywatch.chat.testing.ScriptedHttpServer;
import dev.securitywatch.chat.testing.ScriptedHttpServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.notifier.support.Bursts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI in-process: {@code run(args)} with captured stdout and stderr. */
class NotifierCliTest {
    private static final String SG_RECORD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final String SSH_WORLD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ScriptedHttpServer webhook;
    private NotifierCli cli;

    @BeforeEach
    void start() throws Exception {
        webhook = new ScriptedHttpServer();
        cli = new NotifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("ACCOUNT_NAMES", "{\"112233445566\":\"prod\"}",
                        NotifierCli.WEBHOOK_URL, webhook.uri("/services/T/B/SECRET").toString()),
                LocalChat::webhookOutbox);
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path corpus(String path) throws Exception {
        return file(path.replace('/', '_'), AcceptanceData.text(path));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void renderPrintsOneWebhookBodyPerEventForEveryInputShape() throws Exception {
        Path raw = corpus("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json");
        Path envelope = corpus("eventbridge/derived/eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json");
        Path sns = corpus("sns/derived/sns-eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json");

        int exit = cli.run("render", raw.toString(), envelope.toString(), sns.toString());

        assertThat(exit).isZero();
        String[] lines = stdout().split("\n");
        assertThat(lines).as("the raw record and its envelope are one event, posted once as the Lambda would")
                .hasSize(2);
        for (String line : lines) {
            JsonNode payload = PayloadChecks.assertValid(line);
            assertThat(payload.fieldNames()).toIterable().containsExactly("text", "blocks", "attachments");
        }
        assertThat(lines[0]).contains("prod (112233445566)");
    }

    @Test
    void unknownJsonShapeStillRendersTheFallback() throws Exception {
        int exit = cli.run("render", file("odd.json", "{\"hello\": \"<!channel>\"}").toString());

        assertThat(exit).isZero();
        assertThat(stdout()).contains("Unrecognised message: unknown event shape (fields: hello)")
                .contains("&lt;!channel&gt;");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "render => error: render needs at least one FILE",
            "render missing.json => missing.json: no such file",
            "render BAD => not valid JSON (line 1, column",
            "frobnicate x => error: unknown command 'frobnicate'",
            "send => error: send needs at least one FILE",
            "send --webhook-url https://hooks.slack.com/services/T/B/SECRET x.json => error: --webhook-url is no longer read: put the URL in SECURITY_WATCH_WEBHOOK_URL"})
    void badInputIsOneLineOnStderrWithExitTwo(String args, String message) throws Exception {
        Path bad = file("bad.json", "{not json");
        int exit = cli.run(args.replace("BAD", bad.toString()).split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains(message).doesNotContain("Exception", "\tat ", "SECRET");
        assertThat(stderr().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
    }

    @Test
    void noArgumentsIsAOneLineErrorAndHelpExitsZero() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(stderr()).isEqualTo("error: no command given; commands: render, send, coverage (try --help)\n");
        assertThat(cli.run("--help")).isZero();
        assertThat(stdout()).contains("render [--bot] FILE...", "send FILE...", "SECURITY_WATCH_WEBHOOK_URL");
    }

    @Test
    void sendPostsEachPayloadToTheWebhook() throws Exception {
        webhook.answer(Answer.of(200, "ok"), Answer.of(200, "ok"));
        Path sg = corpus("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json");
        Path admin = corpus("cloudtrail/iam-AttachUserPolicy-IAMUser-stratus-1.json");

        int exit;
        String logged;
        try (LogCapture logs = LogCapture.start()) {
            exit = cli.run("send", sg.toString(), admin.toString());
            logged = logs.text();
        }

        assertThat(exit).isZero();
        assertThat(webhook.requests()).hasSize(2);
        assertThat(webhook.requests().get(0).path()).isEqualTo("/services/T/B/SECRET");
        cli.run("render", sg.toString());
        String rendered = stdout().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(webhook.requests().get(0).body()).isEqualTo(rendered);
        assertThat(logged).contains("\"message\":\"delivered\"");
        assertThat(stdout() + stderr() + logged).doesNotContain("SECRET");
    }

    @Test
    void sendFailureExitsOneWithoutPrintingTheWebhook() throws Exception {
        webhook.answer(Answer.of(404, "no_service"));
        Path sg = corpus("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json");

        int exit;
        String logged;
        try (LogCapture logs = LogCapture.start()) {
            exit = cli.run("send", sg.toString());
            logged = logs.text();
        }

        assertThat(exit).isEqualTo(1);
        assertThat(stdout().lines()).singleElement()
                .satisfies(line -> assertThat(MAPPER.readTree(line).path("notDelivered").asInt()).isEqualTo(1));
        // The log lines, which the real CLI writes to stderr (security-watch-log4j2.xml), say why.
        assertThat(logged).contains("\"level\":\"ERROR\"", "Slack webhook refused the message: no_service");
        assertThat(logged + stderr()).doesNotContain("SECRET");
    }

    @Test
    void badEnvironmentIsBadInput() {
        NotifierCli misconfigured = new NotifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("MENTION_ON_CRITICAL", "maybe"),
                (secret, settings) -> null);

        assertThat(misconfigured.run("render", "x.json")).isEqualTo(2);
        assertThat(stderr()).contains("error: bad environment: MENTION_ON_CRITICAL must be true or false");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", nullValues = "UNSET", value = {
            "UNSET => error: send needs the incoming webhook URL in SECURITY_WATCH_WEBHOOK_URL",
            "ftp://x/y => error: SECURITY_WATCH_WEBHOOK_URL must be an http(s) URL"})
    void sendReadsTheWebhookUrlFromTheEnvironmentOnly(String url, String message) throws Exception {
        Map<String, String> env = url == null ? Map.of() : Map.of(NotifierCli.WEBHOOK_URL, url);
        NotifierCli noUrl = new NotifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, LocalChat::webhookOutbox);

        assertThat(noUrl.run("send", corpus(SG_RECORD).toString())).isEqualTo(2);
        assertThat(stderr()).contains(message);
    }

    @Test
    void renderShowsABurstAsTheLambdaPostsIt() throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(file("burst-" + i + ".json", json(Bursts.variant(SG_RECORD, i, "2026-11-20T10:00:00Z"))).toString());
        }
        files.add(corpus(SSH_WORLD).toString());
        files.add(0, "render");

        assertThat(cli.run(files.toArray(String[]::new))).isZero();

        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("[CRITICAL]");
        assertThat(lines.get(1)).contains("6 security-group events by TestAdmin (assumed role)");
        lines.forEach(PayloadChecks::assertValid);
    }

    @Test
    void renderBotShowsTheThreadsRepliesAndStatusUpdates() throws Exception {
        List<String> args = new ArrayList<>(List.of("render", "--bot", corpus(SSH_WORLD).toString()));
        for (int i = 0; i < 4; i++) {
            args.add(file("burst-" + i + ".json", json(Bursts.variant(SG_RECORD, i, "2026-11-20T10:00:00Z"))).toString());
        }
        ObjectNode remediation = (ObjectNode) MAPPER.readTree(Rendering.fixture("remediation-result.json"));
        ((ObjectNode) remediation.get("detail")).put("groupId", "sg-0d921df5d84f7270a");
        args.add(file("remediation.json", remediation.toString()).toString());

        assertThat(cli.run(args.toArray(String[]::new))).isZero();

        List<JsonNode> calls = new ArrayList<>();
        for (String line : stdout().lines().toList()) {
            calls.add(MAPPER.readTree(line));
            PayloadChecks.assertValid(calls.get(calls.size() - 1).get("payload").toString());
        }
        assertThat(calls).extracting(call -> call.has("updateOf") ? "update of " + call.get("updateOf")
                        : call.has("replyInThreadOf") ? "reply " + call.get("post") + " to "
                        + call.get("replyInThreadOf") : "post " + call.get("post"))
                .as("the channel first (CRITICAL, then the summary), then the thread replies and the status")
                .containsExactly("post 1", "post 2", "reply 3 to 1", "update of 1", "reply 4 to 2");
        assertThat(calls.get(0).toString()).contains("[CRITICAL]");
        assertThat(calls.get(1).toString()).contains("Summary of 4 events");
        assertThat(calls.get(2).toString()).contains("Security group remediated");
        assertThat(calls.get(3).toString()).contains("1 update in the thread", "[CRITICAL]");
        assertThat(calls.get(4).toString()).contains("Events 1–4 of 4");
    }

    @Test
    void sendPostsTheBurstAsOneSummaryAndExitsZero() throws Exception {
        webhook.answer(Answer.of(200, "ok"));
        List<String> args = new ArrayList<>(List.of("send"));
        for (int i = 0; i < 5; i++) {
            args.add(file("burst-" + i + ".json", json(Bursts.variant(SG_RECORD, i, "2026-11-20T10:00:00Z"))).toString());
        }

        assertThat(cli.run(args.toArray(String[]::new))).isZero();

        assertThat(webhook.requests()).hasSize(1);
        JsonNode line = MAPPER.readTree(stdout().trim());
        assertThat(line.path("events").asInt()).isEqualTo(5);
        assertThat(line.path("posts").asInt()).isEqualTo(1);
        assertThat(line.path("delivered").asInt()).isEqualTo(5);
    }

    @Test
    void renderAppliesTheSuppressionsAsTheLambdaDoes() throws Exception {
        String suppressions = "[" + SuppressionLists.entry("testadmin-sg", "{'actorArn': '"
                + SuppressionLists.TEST_ADMIN + "'}", "drop").replace('\'', '"') + "]";
        NotifierCli suppressing = new NotifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("SUPPRESSIONS", suppressions),
                LocalChat::webhookOutbox);

        assertThat(suppressing.run("render", corpus(SG_RECORD).toString(), corpus(SSH_WORLD).toString())).isZero();

        assertThat(stdout().lines().toList()).as("only the CRITICAL change by another role").singleElement()
                .satisfies(line -> assertThat(line).contains("[CRITICAL]"));
    }

    @Test
    void aBadSuppressionListIsBadInputNamingTheEntryAndField() {
        NotifierCli misconfigured = new NotifierCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("SUPPRESSIONS",
                "[{\"match\": {\"eventNames\": [\"A\"]}, \"action\": \"drop\", \"reason\": \"r\","
                        + " \"owner\": \"o\"}]"), (secret, settings) -> null);

        assertThat(misconfigured.run("render", "x.json")).isEqualTo(2);
        assertThat(stderr()).contains("error: bad environment: SUPPRESSIONS[0].expires: required");
    }

    private static String json(InboundMessage message) {
        return ((EventEnvelope) message).json().toString();
    }
}
