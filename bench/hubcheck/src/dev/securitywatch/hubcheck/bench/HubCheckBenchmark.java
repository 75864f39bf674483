package dev.securitywatch.hubcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import dev.securitywatch.hubcheck.report.Baseline;
import dev.securitywatch.hubcheck.report.MembershipReport;
import dev.securitywatch.hubcheck.report.SectionBudget;
import dev.securitywatch.hubcheck.report.SlackPayloadJson;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import dev.securitywatch.hubcheck.snapshot.StoredSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The daily run's CPU work for an organization of {@code accounts} accounts in five regions: compare two snapshots
 * (a tenth of the accounts change), gather the findings, render and serialise the Slack report, and write and read a
 * snapshot file. AWS and Slack calls are not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HubCheckBenchmark {
    private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1",
            "ap-southeast-2"};
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Param({"100", "1000"})
    int accounts;

    private MembershipSnapshot previous;
    private MembershipSnapshot current;
    private String currentJson;
    private final SnapshotCodec codec = new SnapshotCodec(new ObjectMapper());
    private final SlackReportRenderer renderer = new SlackReportRenderer(SectionBudget.DEFAULT);

    @Setup
    public void organization() {
        previous = snapshot("2026-11-20T02:00:00Z", false);
        current = snapshot("2026-11-23T02:00:00Z", true);
        currentJson = codec.write(current);
    }

    @Benchmark
    public String compareAndRender() {
        MembershipReport report = MembershipReport.compare(LocalDate.of(2026, 11, 23), TOKYO, current,
                Optional.of(previous),
                new Baseline.Compared("snapshots/previous.json", previous.takenAt(), false, Map.of()),
                Set.of("999999999999"), Map.of(), List.of(), Optional.of("s3://bucket/current.json"));
        return SlackPayloadJson.toJson(renderer.render(report));
    }

    @Benchmark
    public StoredSnapshot writeAndReadSnapshot() {
        return codec.read(codec.write(current), Optional.empty());
    }

    @Benchmark
    public StoredSnapshot readSnapshot() {
        return codec.read(currentJson, Optional.empty());
    }

    private MembershipSnapshot snapshot(String takenAt, boolean later) {
        Map<String, List<Member>> regions = new LinkedHashMap<>();
        List<OrgAccount> organization = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = String.format("%012d", 100_000_000_000L + i);
            organization.add(new OrgAccount(id, "account-" + i, i % 50 == 0 ? "SUSPENDED" : "ACTIVE"));
        }
        for (String region : REGIONS) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String status = later && i % 10 == 0 ? (i % 20 == 0 ? "Resigned" : "Invited") : "Enabled";
                if (i % 97 != 5) {
                    members.add(new Member(String.format("%012d", 100_000_000_000L + i), new MemberStatus(status)));
                }
            }
            regions.put(region, members);
        }
        return MembershipSnapshot.of(Instant.parse(takenAt), regions, organization);
    }
}
