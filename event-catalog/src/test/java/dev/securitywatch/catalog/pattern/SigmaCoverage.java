package dev.securitywatch.catalog.pattern;

import static dev.securitywatch.catalog.pattern.LibraryCoverage.OPT_IN;
import static dev.securitywatch.catalog.pattern.LibraryCoverage.READ_ONLY;
import static dev.securitywatch.catalog.pattern.LibraryCoverage.STATEFUL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.transport.EnvelopeParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How much of SigmaHQ's {@code rules/cloud/aws/cloudtrail} the default catalog forwards. Sigma ships no test
 * events, so each line of {@value #FIXTURE} (one alternative of a rule's selection) becomes, for each call it names,
 * the minimal CloudTrail record that satisfies it, wrapped as EventBridge wraps it.
 */
final class SigmaCoverage {
    static final String FIXTURE = "sigma-aws-cloudtrail.tsv";
    static final List<String> LEVELS = List.of("critical", "high", "medium", "low", "informational");
    /** The issue's goal counts these levels. */
    static final List<String> GOAL_LEVELS = List.of("critical", "high", "medium");

    static final String ANY_CALL = "names no call: it fires on every call, read-only ones included, of an identity"
            + " or a user agent; which of those matter is a baseline question";
    static final String NEVER_HOLDS = "its selection cannot hold on the call as CloudTrail records it";

    /**
     * Rules, or single calls of a rule ({@code "stem EventName"}), that do not fit the catalog's model, and why;
     * they are left out of the percentage.
     */
    static final Map<String, String> OUT_OF_SCOPE = Map.ofEntries(
            Map.entry("aws_cloudtrail_imds_malicious_usage", ANY_CALL),
            Map.entry("aws_cloudtrail_pua_trufflehog", ANY_CALL),
            Map.entry("aws_sts_assumerole_misuse", ANY_CALL),
            Map.entry("aws_enum_buckets", READ_ONLY),
            Map.entry("aws_sts_getcalleridentity_trufflehog", READ_ONLY),
            Map.entry("aws_ecs_task_definition_cred_endpoint_query DescribeTaskDefinition", READ_ONLY),
            Map.entry("aws_iam_s3browser_loginprofile_creation GetLoginProfile", READ_ONLY),
            Map.entry("aws_sts_getsessiontoken_misuse", STATEFUL + ": every MFA session an IAM user starts is one"),
            Map.entry("aws_susp_saml_activity AssumeRoleWithSAML", STATEFUL + ": every federated sign-in is one"),
            Map.entry("aws_cloudtrail_ssm_malicious_usage", OPT_IN),
            Map.entry("aws_ecs_task_definition_cred_endpoint_query RunTask", NEVER_HOLDS
                    + " (a RunTask request carries overrides, not containerDefinitions)"),
            Map.entry("aws_route_53_domain_transferred_lock_disabled", NEVER_HOLDS
                    + " (domain calls come from route53domains.amazonaws.com, not the route53 the rule names)"),
            Map.entry("aws_route_53_domain_transferred_to_another_account", NEVER_HOLDS
                    + " (domain calls come from route53domains.amazonaws.com, not the route53 the rule names)"));

    /**
     * In-scope calls that the catalog forwards only in the forms that change exposure or detection, and why the
     * bare call is not forwarded. They stay counted as not forwarded.
     */
    static final Map<String, String> NARROWED = Map.of(
            "aws_rds_dbcluster_actions ModifyDBCluster", "every cluster change (capacity, maintenance window,"
                    + " parameters) is one; forwarded when it turns deletion protection off"
                    + " (`rds-deletion-protection-disabled`) or sets a new master password"
                    + " (`rds-master-password-changed`)",
            "aws_securityhub_finding_evasion BatchUpdateFindings", "every triage step (a note, a workflow status,"
                    + " a severity) is one; forwarded when it suppresses findings (`securityhub-finding-evasion`)",
            "aws_snapshot_backup_exfiltration ModifySnapshotAttribute", "removing a share is one too; forwarded when"
                    + " it shares the snapshot with everyone (`ebs-snapshot-made-public`) or another account"
                    + " (`ebs-snapshot-shared`)");

    /**
     * What a minimal record holds besides what the selection sets: an IAM user's call in us-east-1 (whose rules
     * carry every entry), without {@code errorCode}, so a call that succeeded.
     */
    private static final String BASE_RECORD = """
            {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","accountId":"111122223333"},
             "eventTime":"2025-01-01T00:00:00Z","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7",
             "userAgent":"aws-cli/2.15.0","recipientAccountId":"111122223333"}""";
    /**
     * The call a rule that names none is probed with: the first call stolen credentials usually make. It is
     * read-only, so only an entry that opts in to read-only calls forwards it.
     */
    private static final String PROBE_SOURCE = "sts.amazonaws.com";
    private static final String PROBE_NAME = "GetCallerIdentity";
    private static final String ANY = "*";
    private static final Pattern CONDITION_SEPARATOR = Pattern.compile(";(?=[A-Za-z][\\w.]*=)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One line of the fixture: an alternative of a rule's selection. */
    record Selection(String stem, String id, String level, List<String> eventSources, List<String> eventNames,
                     Map<String, JsonNode> conditions) {
    }

    /**
     * One rule's result. A call is one event name the rule selects; it is forwarded when its minimal event is,
     * from any of the sources the rule names with it.
     *
     * @param forwarded  in-scope calls the default catalog forwards
     * @param missed     in-scope calls it does not
     * @param outOfScope calls left out of the percentage (see {@link #OUT_OF_SCOPE})
     * @param entries    the default catalog's entries that match any of the rule's events
     */
    record Rule(String stem, String id, String level, List<String> forwarded, List<String> missed,
                List<String> outOfScope, Set<String> entries) {
        boolean inScope() {
            return !forwarded.isEmpty() || !missed.isEmpty();
        }

        /** Forwarded means every in-scope call is: the rule's alternatives are each something it detects. */
        boolean detected() {
            return inScope() && missed.isEmpty();
        }
    }

    private SigmaCoverage() {
    }

    static boolean countsForTheGoal(Rule rule) {
        return GOAL_LEVELS.contains(rule.level());
    }


    static List<Rule> measure(CatalogMatcher defaults) {
        Map<String, List<Selection>> byRule = new LinkedHashMap<>();
        selections().forEach(s -> byRule.computeIfAbsent(s.stem(), stem -> new ArrayList<>()).add(s));
        List<Rule> rules = new ArrayList<>();
        byRule.forEach((stem, alternatives) -> {
            List<String> forwarded = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            List<String> outOfScope = new ArrayList<>();
            Set<String> entries = new TreeSet<>();
            for (Selection selection : alternatives) {
                for (String name : selection.eventNames()) {
                    if (OUT_OF_SCOPE.containsKey(stem) || OUT_OF_SCOPE.containsKey(stem + " " + name)) {
                        outOfScope.add(name);
                        continue;
                    }
                    boolean any = false;
                    for (String source : selection.eventSources()) {
                        MatchResult result = defaults.match(minimalEvent(selection, source, name));
                        any |= result.forwarded();
                        result.entries().stream().map(CatalogEntry::id).forEach(entries::add);
                    }
                    (any ? forwarded : missed).add(name);
                }
            }
            Selection first = alternatives.get(0);
            rules.add(new Rule(stem, first.id(), first.level(), forwarded, missed, outOfScope, entries));
        });
        return rules;
    }

    /** The fixture's lines, checked: a malformed line fails with its text. */
    static List<Selection> selections() {
        List<Selection> selections = new ArrayList<>();
        for (String line : fixture().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 6 || !LEVELS.contains(columns[2])) {
                throw new IllegalStateException(FIXTURE + ": expected stem, id, level, eventSource(s),"
                        + " eventName(s), conditions: " + line);
            }
            selections.add(new Selection(columns[0], columns[1], columns[2], List.of(columns[3].split(",")),
                    List.of(columns[4].split(",")), conditions(columns[5], line)));
        }
        return selections;
    }

    /** The minimal record for one call of a selection, as EventBridge delivers it. */
    static EventEnvelope minimalEvent(Selection selection, String eventSource, String eventName) {
        ObjectNode record;
        try {
            record = (ObjectNode) MAPPER.readTree(BASE_RECORD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        boolean anyCall = eventName.equals(ANY);
        record.put("eventSource", anyCall ? PROBE_SOURCE : eventSource);
        record.put("eventName", anyCall ? PROBE_NAME : eventName);
        record.put("eventID", "sigma-" + selection.stem() + "-" + eventName);
        selection.conditions().forEach((field, value) -> set(record, field, value));
        return (EventEnvelope) new EnvelopeParser(MAPPER).parse(record).get(0);
    }

    private static void set(ObjectNode record, String dottedField, JsonNode value) {
        String[] path = dottedField.split("\\.");
        ObjectNode node = record;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.get(path[i]) instanceof ObjectNode child ? child : node.putObject(path[i]);
        }
        node.set(path[path.length - 1], value.deepCopy());
    }

    private static Map<String, JsonNode> conditions(String column, String line) {
        Map<String, JsonNode> conditions = new LinkedHashMap<>();
        if (column.equals("-")) {
            return conditions;
        }
        for (String condition : CONDITION_SEPARATOR.split(column)) {
            int equals = condition.indexOf('=');
            try {
                conditions.put(condition.substring(0, equals), MAPPER.readTree(condition.substring(equals + 1)));
            } catch (JsonProcessingException | StringIndexOutOfBoundsException e) {
                throw new IllegalStateException(FIXTURE + ": a condition is field=JSON value: " + condition
                        + " in " + line, e);
            }
        }
        return conditions;
    }

    private static String fixture() {
        try (InputStream in = SigmaCoverage.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + FIXTURE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
