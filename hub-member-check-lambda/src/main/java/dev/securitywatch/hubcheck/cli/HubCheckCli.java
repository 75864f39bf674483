package dev.securitywatch.hubcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.Commands;
import dev.securitywatch.lambdakit.cli.JsonFiles;
import dev.securitywatch.hubcheck.membership.AccountIds;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.report.Baseline;
import dev.securitywatch.hubcheck.report.MembershipReport;
import dev.securitywatch.hubcheck.report.ReportJson;
import dev.securitywatch.hubcheck.report.SectionBudget;
import dev.securitywatch.hubcheck.report.SlackPayloadJson;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.settings.AccountNamesJson;
import dev.securitywatch.lambdakit.settings.SettingsException;
import dev.securitywatch.hubcheck.settings.Zones;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import dev.securitywatch.hubcheck.snapshot.SnapshotFormatException;
import dev.securitywatch.hubcheck.snapshot.StoredSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@code java -jar hub-member-check-lambda.jar diff PREVIOUS.json CURRENT.json}: see {@link #USAGE}. */
public final class HubCheckCli {

    static final String USAGE = """
            usage: java -jar hub-member-check-lambda.jar diff [options] PREVIOUS.json CURRENT.json
              Compares two membership snapshots exactly as the scheduled Lambda does and prints one JSON object:
              the changes, the standing findings and the Slack payload it would post.
            options:
              --central-region REGION  region of a legacy single-region snapshot that cannot be matched
                                       (default: env CENTRAL_REGION)
              --timezone ZONE          IANA time zone of the report date (default: env REPORT_TIMEZONE, else UTC)
              --administrator ID       the Security Hub administrator account, never reported as not enrolled
            environment: ACCOUNT_NAMES  JSON {"111111111111": "prod", ...} for account names""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> env;
    private final Clock clock;

    HubCheckCli(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new HubCheckCli(System.getenv(), Clock.systemUTC()).run(args, System.out, System.err));
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        return new Commands(USAGE).add("diff", rest -> {
            out.println(diff(rest).toPrettyString());
            return Commands.EXIT_OK;
        }).run(args, out, err);
    }

    private ObjectNode diff(List<String> args) {
        Map<String, String> options = new HashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (!Set.of("--central-region", "--timezone", "--administrator").contains(arg)) {
                    throw new CliException("unknown option " + arg + " (try --help)");
                }
                if (i + 1 == args.size()) {
                    throw new CliException(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 2) {
            throw new CliException("diff needs exactly two files, PREVIOUS.json and CURRENT.json (got "
                    + files.size() + ")");
        }
        String zoneSource = options.containsKey("--timezone") ? "--timezone" : "REPORT_TIMEZONE";
        ZoneId zone = settings(() -> Zones.parse(option(options, "--timezone", "REPORT_TIMEZONE").orElse("UTC"),
                zoneSource));
        Map<String, String> names = settings(() -> AccountNamesJson.parse(mapper, env.get("ACCOUNT_NAMES")));
        Set<String> administrators = option(options, "--administrator", null)
                .map(id -> {
                    if (!AccountIds.isValid(id)) {
                        throw new CliException("--administrator must be a 12-digit account id");
                    }
                    return Set.of(id);
                })
                .orElse(Set.of());
        Optional<String> centralRegion = option(options, "--central-region", "CENTRAL_REGION");

        StoredSnapshot previous = read(files.get(0));
        StoredSnapshot current = read(files.get(1));
        StoredSnapshot.Pair pair = StoredSnapshot.resolvePair(previous, current, () -> centralRegion.orElseThrow(
                () -> new CliException("a legacy single-region snapshot cannot be matched to a region here:"
                        + " name it with --central-region")));

        MembershipSnapshot now = pair.current();
        LocalDate runDate = now.takenAt().map(takenAt -> takenAt.atZone(zone).toLocalDate())
                .orElseGet(() -> LocalDate.now(clock.withZone(zone)));
        Baseline baseline = new Baseline.Compared(files.get(0), pair.previous().takenAt(),
                previous instanceof StoredSnapshot.Legacy, Map.of());
        MembershipReport report = MembershipReport.compare(runDate, zone, now, Optional.of(pair.previous()),
                baseline, administrators, names, List.of(), Optional.of(files.get(1)));

        ObjectNode result = new ReportJson(mapper).toJson(report);
        String payload = SlackPayloadJson.toJson(new SlackReportRenderer(SectionBudget.DEFAULT).render(report));
        result.set("payload", parse(payload));
        return result;
    }

    private StoredSnapshot read(String file) {
        JsonNode json = new JsonFiles(mapper).read(Path.of(file));
        try {
            return new SnapshotCodec(mapper).read(json, Optional.empty());
        } catch (SnapshotFormatException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the rendered Slack payload is not JSON", e);
        }
    }

    /** A command-line option, else the environment variable (when one is named). */
    private Optional<String> option(Map<String, String> options, String name, String envVariable) {
        return Optional.ofNullable(options.get(name))
                .or(() -> Optional.ofNullable(envVariable == null ? null : env.get(envVariable)))
                .filter(value -> !value.isBlank());
    }

    private static <T> T settings(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (SettingsException e) {
            throw new CliException(e.getMessage());
        }
    }
}
