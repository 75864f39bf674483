package dev.securitywatch.notifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.securitywatch.catalog.HealthEntries;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.Commands;
import dev.securitywatch.lambdakit.cli.JsonFiles;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.health.Coverage;
import dev.securitywatch.notifier.health.CoverageJson;
import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.PathState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code coverage --accounts FILE --config cdk.json --heartbeats FILE [--regions FILE] [--stack-instances FILE]
 * [--canary-minutes N] [--now TIME]}: the coverage map offline (see {@link Coverage}), from files a user exports
 * with the AWS CLI. Prints one JSON document; exits 0 when everything is covered, 1 when there are gaps, 2 for bad
 * input.
 */
final class CoverageCommand {
    static final String USAGE = """
              coverage --accounts FILE --config cdk.json --heartbeats FILE [--regions FILE]
                       [--stack-instances FILE] [--canary-minutes N] [--now 2026-12-04T05:00:00Z]
                               which accounts and regions Security Watch hears from; one JSON document; exits 1
                               when there are gaps. --accounts: aws organizations list-accounts (or a JSON list
                               of its pages); --heartbeats: aws dynamodb scan of the heartbeat table; --regions:
                               {"111111111111": ["us-east-1", ...]}, the regions each account has enabled;
                               --stack-instances (deployment.mode stackset): aws cloudformation
                               list-stack-instances --stack-set-name SecurityWatch-Member (or a list of pages)
            """;
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final List<String> OPTIONS = List.of("--accounts", "--config", "--heartbeats", "--regions",
            "--stack-instances", "--canary-minutes", "--now");

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final Clock clock;

    CoverageCommand(ObjectMapper mapper, PrintStream out, Clock clock) {
        this.mapper = mapper;
        this.out = out;
        this.clock = clock;
    }

    int run(List<String> args) {
        Map<String, String> options = options(args);
        JsonFiles files = new JsonFiles(mapper);
        JsonNode config = files.read(Path.of(required(options, "--config"))).path("context");
        String security = account(config.path("securityAccount"), "--config context.securityAccount");
        Duration interval = Duration.ofMinutes(minutes(options.getOrDefault("--canary-minutes", "15")));
        Instant now = now(options);
        Optional<Coverage.StackSetTarget> stackSet = stackSet(config.path("deployment"));
        if (stackSet.isEmpty() && options.containsKey("--stack-instances")) {
            throw new CliException("coverage: --stack-instances needs context.deployment.mode stackset in --config");
        }
        // The files are read now, so the inventory they make is as fresh as the check.
        OrganizationInventory inventory = new OrganizationInventory(now,
                accounts(files.read(Path.of(required(options, "--accounts")))),
                options.containsKey("--regions") ? regions(files.read(Path.of(options.get("--regions")))) : Map.of(),
                options.containsKey("--regions") ? Optional.empty()
                        : Optional.of("no --regions FILE given, so unwatched regions are not checked"),
                stackSet.map(target -> options.containsKey("--stack-instances")
                        ? new OrganizationInventory.StackSetInstances(target.name(), instances(files.read(
                                Path.of(options.get("--stack-instances")))), Optional.empty())
                        : new OrganizationInventory.StackSetInstances(target.name(), List.of(),
                                Optional.of("no --stack-instances FILE given"))));
        Coverage coverage = Coverage.of(security, Optional.of(inventory), new Coverage.Configured(
                        Optional.of(security), members(config.path("memberAccounts"), stackSet.isPresent()),
                        stackSet), heartbeats(files.read(Path.of(required(options, "--heartbeats")))), now,
                HealthEntries.silentAfter(interval), List.of());
        out.println(CoverageJson.of(coverage, mapper).toPrettyString());
        return coverage.gaps() == 0 ? Commands.EXIT_OK : Commands.EXIT_FAILED;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!OPTIONS.contains(option)) {
                throw new CliException("coverage: unknown argument " + option + " (try --help)");
            }
            if (i + 1 == args.size()) {
                throw new CliException("coverage: " + option + " needs a value");
            }
            options.put(option, args.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null) {
            throw new CliException("coverage needs " + option + " FILE");
        }
        return value;
    }

    private static long minutes(String value) {
        try {
            long minutes = Long.parseLong(value);
            if (minutes >= 1) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new CliException("coverage: --canary-minutes must be a whole number of minutes, got '" + value + "'");
    }

    private Instant now(Map<String, String> options) {
        if (!options.containsKey("--now")) {
            return clock.instant();
        }
        try {
            return Instant.parse(options.get("--now"));
        } catch (DateTimeParseException e) {
            throw new CliException("coverage: --now must be an ISO instant such as 2026-12-04T05:00:00Z");
        }
    }

    /** The accounts of {@code list-accounts} output: one page, or a JSON list of pages. */
    private static List<OrganizationInventory.Account> accounts(JsonNode file) {
        List<OrganizationInventory.Account> accounts = new ArrayList<>();
        for (JsonNode page : pages(file)) {
            JsonNode list = page.path("Accounts");
            if (!list.isArray()) {
                throw new CliException("--accounts: expected the output of aws organizations list-accounts"
                        + " ({\"Accounts\": [...]}), or a list of such pages");
            }
            for (JsonNode account : list) {
                String id = account(account.path("Id"), "--accounts Accounts[].Id");
                String state = account.path("State").asText(account.path("Status").asText(""));
                if (state.isBlank()) {
                    throw new CliException("--accounts: account " + id + " has no State or Status");
                }
                accounts.add(new OrganizationInventory.Account(id, account.path("Name").asText(null), state));
            }
        }
        return accounts;
    }

    /** The StackSet of {@code context.deployment} in {@code stackset} mode. */
    private static Optional<Coverage.StackSetTarget> stackSet(JsonNode deployment) {
        if (!"stackset".equals(deployment.path("mode").asText())) {
            return Optional.empty();
        }
        JsonNode regions = deployment.path("regions");
        if (!regions.isArray() || regions.isEmpty()) {
            throw new CliException("--config: context.deployment.regions must list the StackSet's regions");
        }
        List<String> names = new ArrayList<>();
        regions.forEach(region -> names.add(region.asText()));
        return Optional.of(new Coverage.StackSetTarget(MemberNames.STACK_SET_NAME, names));
    }

    /** The instances of {@code list-stack-instances} output: one page, or a JSON list of pages. */
    private static List<OrganizationInventory.StackInstance> instances(JsonNode file) {
        List<OrganizationInventory.StackInstance> instances = new ArrayList<>();
        for (JsonNode page : pages(file)) {
            JsonNode summaries = page.path("Summaries");
            if (!summaries.isArray()) {
                throw new CliException("--stack-instances: expected the output of aws cloudformation"
                        + " list-stack-instances ({\"Summaries\": [...]}), or a list of such pages");
            }
            for (JsonNode summary : summaries) {
                String account = account(summary.path("Account"), "--stack-instances Summaries[].Account");
                String region = summary.path("Region").asText("");
                String status = summary.path("Status").asText("");
                if (region.isBlank() || status.isBlank()) {
                    throw new CliException("--stack-instances: instance of " + account + " needs Region and Status");
                }
                instances.add(new OrganizationInventory.StackInstance(account, region, status,
                        summary.path("StackInstanceStatus").path("DetailedStatus").asText(null),
                        summary.path("DriftStatus").asText(null), summary.path("StatusReason").asText(null)));
            }
        }
        return instances;
    }

    private static List<JsonNode> pages(JsonNode file) {
        List<JsonNode> pages = new ArrayList<>();
        if (file.isArray()) {
            file.forEach(pages::add);
        } else {
            pages.add(file);
        }
        return pages;
    }

    /** {@code memberAccounts}: required, unless the StackSet enrols the accounts. */
    private static Map<String, List<String>> members(JsonNode list, boolean stackSet) {
        if (stackSet && list.isMissingNode()) {
            return Map.of();
        }
        if (!list.isArray() || (list.isEmpty() && !stackSet)) {
            throw new CliException("--config: context.memberAccounts must list the member accounts");
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (JsonNode member : list) {
            List<String> regions = new ArrayList<>();
            member.path("regions").forEach(region -> regions.add(region.asText()));
            members.put(account(member.path("id"), "--config context.memberAccounts[].id"), regions);
        }
        return members;
    }

    private static Map<String, List<String>> regions(JsonNode file) {
        if (!file.isObject()) {
            throw new CliException("--regions: expected {\"111111111111\": [\"us-east-1\", ...]}");
        }
        Map<String, List<String>> regions = new LinkedHashMap<>();
        file.properties().forEach(entry -> {
            List<String> enabled = new ArrayList<>();
            entry.getValue().forEach(region -> enabled.add(region.asText()));
            regions.put(account(new TextNode(entry.getKey()), "--regions"), enabled);
        });
        return regions;
    }

    /** Each path's state from {@code aws dynamodb scan} of the heartbeat table (DynamoDB JSON). */
    private static List<PathState> heartbeats(JsonNode scan) {
        JsonNode items = scan.path("Items");
        if (!items.isArray()) {
            throw new CliException("--heartbeats: expected the output of aws dynamodb scan ({\"Items\": [...]})");
        }
        List<PathState> heartbeats = new ArrayList<>();
        for (JsonNode item : items) {
            String account = item.path("account").path("S").asText("");
            String region = item.path("region").path("S").asText("");
            String last = item.path("lastHeartbeat").path("N").asText("");
            String fromStackSet = item.path("lastStackSetHeartbeat").path("N").asText("");
            if (!ACCOUNT.matcher(account).matches() || region.isBlank() || !last.matches("\\d+")
                    || !fromStackSet.matches("\\d*")) {
                throw new CliException("--heartbeats: every item needs account (S), region (S) and lastHeartbeat"
                        + " (N, epoch milliseconds), and lastStackSetHeartbeat is a number where present; got "
                        + item);
            }
            heartbeats.add(new PathState(new Heartbeat.Path(account, region), Instant.ofEpochMilli(
                    Long.parseLong(last)), fromStackSet.isEmpty() ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(Long.parseLong(fromStackSet))), false));
        }
        return heartbeats;
    }

    private static String account(JsonNode node, String where) {
        String id = node.asText("");
        if (!ACCOUNT.matcher(id).matches()) {
            throw new CliException(where + ": expected a 12-digit account id, got '" + id + "'");
        }
        return id;
    }
}
