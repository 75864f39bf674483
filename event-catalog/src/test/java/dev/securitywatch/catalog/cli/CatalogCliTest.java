package dev.securitywatch.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogTable;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.lambdakit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of((argv, out, err) -> new CatalogCli(out, err).run(argv), args);
    }

    private Path copy(String corpusPath) throws IOException {
        Path file = dir.resolve(corpusPath.replace('/', '_'));
        Files.writeString(file, AcceptanceData.text(corpusPath));
        return file;
    }

    @Test
    void matchSaysWhichEntriesForwardEachShapeOfInput() throws IOException {
        Path raw = copy("cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json");
        Path eventBridge = copy("eventbridge/derived/eb-iam-CreateUser-AssumedRole-panther-1.json");
        Path sns = copy("sns/derived/sns-eb-cloudtrail-DeleteTrail-IAMUser-stratus-1.json");
        CliRun run = run("match", raw.toString(), eventBridge.toString(), sns.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line.path("matched").asBoolean()).isTrue());
        assertThat(lines.get(0).toString()).isEqualTo("{\"file\":\"" + raw + "\",\"matched\":true,\"entries\":"
                + "[{\"id\":\"security-group-change\",\"category\":\"security-group\",\"severity\":\"MEDIUM\","
                + "\"regionScope\":\"every-region\"}]}");
        assertThat(lines.get(1).path("entries").get(0).path("regionScope").asText()).isEqualTo("us-east-1");
        assertThat(lines.get(2).path("entries").get(0).path("id").asText()).isEqualTo("cloudtrail-stopped");
    }

    @Test
    void readOnlyCallIsNotForwardedAndTheReasonSaysWhy() throws IOException {
        Path file = copy("cloudtrail/ec2-DescribeInstances-AssumedRole-panther-1.json");
        CliRun run = run("match", file.toString());
        assertThat(run.exit()).isZero();
        JsonNode line = run.lines().get(0);
        assertThat(line.path("matched").asBoolean()).isFalse();
        assertThat(line.path("entries")).isEmpty();
        assertThat(line.path("reason").asText()).contains("ec2.amazonaws.com DescribeInstances");
    }

    @Test
    void unknownShapeIsReportedNotFatal() throws IOException {
        Path file = dir.resolve("odd.json");
        Files.writeString(file, "{\"hello\":\"world\"}");
        CliRun run = run("match", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines().get(0).path("reason").asText()).startsWith("unknown event shape");
    }

    @Test
    void missingAndNonJsonFilesGiveOneLineErrorsAndExitTwoWhileGoodFilesStillPrint() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        Path good = copy("cloudtrail/iam-CreateRole-AssumedRole-panther-1.json");
        CliRun run = run("match", dir.resolve("missing.json").toString(), bad.toString(), good.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("error: ").endsWith("missing.json: no such file"))
                .anySatisfy(l -> assertThat(l).contains("bad.json: not valid JSON (line 1, column"));
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.lines()).hasSize(1);
    }

    @Test
    void listPrintsTheCatalogTable() {
        CliRun run = run("list");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(CatalogTable.markdown(Catalog.defaults()));
    }

    @Test
    void patternsPrintsOneCompactPatternPerLine() {
        CliRun run = run("patterns", "ap-northeast-1");
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).isNotEmpty();
        assertThat(run.out()).doesNotContain("iam.amazonaws.com");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().exit()).isEqualTo(2);
        CliRun unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown command 'frobnicate'; commands: match, list, patterns");
        assertThat(run("match").err()).isEqualTo("error: match needs at least one FILE\n");
        assertThat(run("--help").exit()).isZero();
    }
}
