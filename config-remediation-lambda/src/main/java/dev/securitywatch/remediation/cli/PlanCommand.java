package dev.securitywatch.remediation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.JsonFiles;
import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.evaluation.DryRun;
import dev.securitywatch.remediation.evaluation.Evaluation;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import dev.securitywatch.remediation.invocation.InvocationParser;
import dev.securitywatch.remediation.invocation.SecurityGroupConfiguration;
import dev.securitywatch.remediation.plan.KeptRule;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.policy.PolicyException;
import dev.securitywatch.remediation.policy.PolicyParser;
import dev.securitywatch.remediation.policy.RemediationContext;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.policy.RemediationPolicy;
import dev.securitywatch.remediation.policy.SecurityGroupId;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.RuleJson;
import dev.securitywatch.remediation.rule.SgRule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code plan}: reads every file first (so bad input fails before any output), then prints one JSON line per
 * evaluated group: resourceId, compliance, annotation, revoke, authorize, kept.
 */
final class PlanCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LOCAL_REGION = "local";

    private final PrintStream out;
    private final JsonFiles files = new JsonFiles(MAPPER);
    private final InvocationParser parser = new InvocationParser(MAPPER);

    PlanCommand(PrintStream out) {
        this.out = out;
    }

    void run(String[] args) {
        Path context = null;
        Path allowList = null;
        RemediationMode mode = null;
        Set<String> exempt = new LinkedHashSet<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--context" -> context = Path.of(value(args, ++i, arg));
                case "--allow-list" -> allowList = Path.of(value(args, ++i, arg));
                case "--mode" -> mode = mode(value(args, ++i, arg));
                case "--exempt" -> exempt.add(groupId(value(args, ++i, arg)));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new CliException("unknown option " + arg + "; " + RemediationCli.USAGE);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (context != null && allowList != null) {
            throw new CliException("use either --context or --allow-list, not both");
        }
        if (inputs.isEmpty()) {
            throw new CliException("no event files given; " + RemediationCli.USAGE);
        }
        Function<String, RemediationPolicy> policyForAccount = policies(context, allowList, mode, exempt);
        List<ConfigInvocation> invocations = inputs.stream().map(this::invocation).toList();
        List<ObjectNode> lines = new ArrayList<>();
        for (int i = 0; i < invocations.size(); i++) {
            RemediationPolicy policy = policyForAccount.apply(accountOf(invocations.get(i)));
            lines.addAll(plan(inputs.get(i), invocations.get(i), new RemediationPlanner(policy)));
        }
        lines.forEach(out::println);
    }

    private static String accountOf(ConfigInvocation invocation) {
        if (invocation.trigger() instanceof ConfigInvocation.ItemChange change && change.item().accountId() != null) {
            return change.item().accountId();
        }
        return invocation.accountId();
    }

    private ConfigInvocation invocation(Path file) {
        try {
            return parser.parse(files.read(file));
        } catch (InvalidInvocationException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
    }

    private List<ObjectNode> plan(Path file, ConfigInvocation invocation, RemediationPlanner planner) {
        InvocationReport report;
        try {
            report = DryRun.run(invocation, planner, LOCAL_REGION);
        } catch (InvalidInvocationException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
        List<ObjectNode> lines = new ArrayList<>();
        for (Evaluation evaluation : report.evaluations()) {
            Optional<RemediationResult> result = report.results().stream()
                    .filter(r -> r.groupId().equals(evaluation.resourceId())).findFirst();
            ObjectNode line = MAPPER.createObjectNode();
            line.put("resourceId", evaluation.resourceId());
            line.put("compliance", evaluation.compliance().name());
            line.put("annotation", evaluation.annotation());
            line.set("revoke", RuleJson.rules(result.map(RemediationResult::revoked).orElse(List.<SgRule>of())));
            line.set("authorize", RuleJson.rules(result.map(RemediationResult::authorized).orElse(List.<SgRule>of())));
            line.set("kept", RuleJson.kept(result.map(RemediationResult::kept)
                    .orElseGet(() -> keptOfCompliant(invocation, planner, evaluation))));
            lines.add(line);
        }
        return lines;
    }

    /** A compliant group publishes no result, yet its kept non-CIDR rules still belong in the plan. */
    private static List<KeptRule> keptOfCompliant(ConfigInvocation invocation, RemediationPlanner planner,
                                                  Evaluation evaluation) {
        if (evaluation.compliance() != Compliance.COMPLIANT) {
            return List.of();
        }
        ConfigInvocation.ItemChange change = (ConfigInvocation.ItemChange) invocation.trigger();
        return planner.assess(SecurityGroupConfiguration.toSecurityGroup(change.item())).kept();
    }

    /**
     * The policy per account, read and validated up front by the parser infra uses at synth: from a cdk.json
     * context (with its per-account modes), an allow-list file, or the defaults; then {@code --mode} and
     * {@code --exempt} on top.
     */
    private Function<String, RemediationPolicy> policies(Path context, Path allowList, RemediationMode mode,
                                                         Set<String> exempt) {
        Path source = context != null ? context : allowList;
        RemediationContext settings;
        try {
            if (context != null) {
                JsonNode cdkJson = files.read(context);
                if (!cdkJson.path("context").isObject()) {
                    throw new CliException(context + ": no \"context\" object (expected a cdk.json file)");
                }
                settings = PolicyParser.parseContext(cdkJson.get("context"));
            } else if (allowList != null) {
                JsonNode list = files.read(allowList);
                JsonNode entries = list.isObject() && list.has(PolicyParser.ALLOW_LIST)
                        ? list.get(PolicyParser.ALLOW_LIST) : list;
                RemediationContext defaults = RemediationContext.defaults();
                settings = new RemediationContext(defaults.policy().withAllowList(PolicyParser.allowList(entries)),
                        defaults.accountModes(), defaults.periodicFrequency());
            } else {
                settings = RemediationContext.defaults();
            }
        } catch (PolicyException e) {
            throw new CliException(source + ": " + e.getMessage());
        }
        return account -> {
            RemediationPolicy policy = settings.policyFor(account);
            return (mode == null ? policy : policy.withMode(mode)).withExemptGroups(exempt);
        };
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new CliException(option + " needs a value; " + RemediationCli.USAGE);
        }
        return args[index];
    }

    private static RemediationMode mode(String text) {
        try {
            return RemediationMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--mode: expected REPORT_ONLY, REVOKE_ONLY or ENFORCE, got \"" + text + "\"");
        }
    }

    private static String groupId(String text) {
        if (!SecurityGroupId.isValid(text)) {
            throw new CliException("--exempt: expected " + SecurityGroupId.EXPECTED + ", got \"" + text + "\"; "
                    + SecurityGroupId.FORM);
        }
        return text;
    }
}
