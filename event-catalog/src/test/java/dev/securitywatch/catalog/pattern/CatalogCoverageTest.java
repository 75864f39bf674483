package dev.securitywatch.catalog.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.event.testing.CorpusEvents;
import dev.securitywatch.event.testing.CorpusEvents.Labelled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real events against every entry's pattern, through event-ruler. */
class CatalogCoverageTest {

    private static final Pattern READ_ONLY_NAME = Pattern.compile("^(Describe|List|Get|Head|Lookup|Search|BatchGet).*");
    private static final Path COVERAGE_DOC = Path.of("..", "docs", "catalog-coverage.md");

    /** Every entry switched on, opt-in ones included, so each one is exercised. */
    private static final Catalog EVERYTHING = Catalog.defaults().configure(new CatalogSettings(
            Arrays.stream(Category.values()).map(Category::id).toList(), List.of(), Map.of()));

    private static List<Labelled> events;
    private static Map<CatalogEntry, List<Labelled>> matchesByEntry;

    @BeforeAll
    static void matchCorpus() {
        events = CorpusEvents.allEvents();
        CatalogMatcher matcher = new CatalogMatcher(EVERYTHING);
        matchesByEntry = new LinkedHashMap<>();
        EVERYTHING.allEntries().forEach(e -> matchesByEntry.put(e, new java.util.ArrayList<>()));
        for (Labelled event : events) {
            matcher.match(event.envelope()).entries().forEach(e -> matchesByEntry.get(e).add(event));
        }
    }

    @Test
    void corpusIsLargeEnoughToMean_something() {
        assertThat(events).hasSizeGreaterThan(900);
    }

    @Test
    void everyEntryWithACandidateEventInTheCorpusMatchesOne() {
        for (CatalogEntry entry : EVERYTHING.allEntries()) {
            List<Labelled> candidates = events.stream().filter(e -> isCandidate(entry, e)).toList();
            if (!candidates.isEmpty()) {
                assertThat(matchesByEntry.get(entry))
                        .as("%s has %d candidate events (e.g. %s) but none matches", entry.id(), candidates.size(),
                                candidates.get(0))
                        .isNotEmpty();
            }
        }
    }

    @Test
    void readOnlyCallsMatchOnlyEntriesThatOptIn() {
        CatalogMatcher matcher = new CatalogMatcher(EVERYTHING);
        long readOnly = 0;
        for (Labelled event : events) {
            CloudTrailEvent call = event.envelope().cloudTrailEvent().orElse(null);
            if (call == null || !isReadOnly(call)) {
                continue;
            }
            readOnly++;
            assertThat(matcher.match(event.envelope()).entries())
                    .as("read-only %s %s in %s", call.eventSource(), call.eventName(), event.path())
                    .allMatch(CatalogEntry::readOnlyOptIn);
        }
        assertThat(readOnly).as("read-only events in the corpus").isGreaterThan(100);
    }

    @Test
    void defaultCatalogForwardsExactlyWhatItsEntriesMatch() {
        CatalogMatcher matcher = new CatalogMatcher(Catalog.defaults());
        for (Labelled event : events) {
            MatchResult result = matcher.match(event.envelope());
            assertThat(result.forwarded()).as(event.path()).isEqualTo(!result.entries().isEmpty());
        }
    }

    @Test
    void everySigmaRuleOrCallLeftOutOfScopeIsInTheFixture() {
        Set<String> known = new HashSet<>();
        for (SigmaCoverage.Selection selection : SigmaCoverage.selections()) {
            known.add(selection.stem());
            selection.eventNames().forEach(name -> known.add(selection.stem() + " " + name));
        }
        assertThat(known).containsAll(SigmaCoverage.OUT_OF_SCOPE.keySet());
    }

    @Test
    void sigmaCriticalHighAndMediumRulesMeetTheGoal() {
        List<SigmaCoverage.Rule> goal = SigmaCoverage.measure(new CatalogMatcher(Catalog.defaults())).stream()
                .filter(SigmaCoverage::countsForTheGoal).filter(SigmaCoverage.Rule::inScope).toList();
        assertThat(goal.stream().filter(SigmaCoverage.Rule::detected).count())
                .as("in-scope critical, high and medium Sigma rules forwarded")
                .isGreaterThanOrEqualTo(Math.round(Math.ceil(0.85 * goal.size())));
    }

    @Test
    void everySigmaCallNotForwardedIsNarrowedOnPurpose() {
        for (SigmaCoverage.Rule rule : SigmaCoverage.measure(new CatalogMatcher(Catalog.defaults()))) {
            if (SigmaCoverage.countsForTheGoal(rule)) {
                rule.missed().forEach(call -> assertThat(SigmaCoverage.NARROWED)
                        .as("%s %s is not forwarded: add an entry, or say in NARROWED why not", rule.stem(), call)
                        .containsKey(rule.stem() + " " + call));
            }
        }
    }

    @Test
    void everyNegativeStillAboveLowIsKeptForAStatedReason() {
        List<String> aboveLow = LibraryCoverage.measure(events, new CatalogMatcher(Catalog.defaults())).stream()
                .flatMap(rule -> rule.negativesAboveLow().stream()).toList();
        assertThat(aboveLow).as("negatives above LOW: fix the entry, or say in KEPT_NEGATIVES why it is right")
                .containsExactlyInAnyOrderElementsOf(LibraryCoverage.KEPT_NEGATIVES.keySet());
    }

    @Test
    void coverageDocumentIsUpToDate() throws IOException {
        String expected = coverageDocument();
        if (Boolean.getBoolean("securitywatch.regenerate")) {
            Files.createDirectories(COVERAGE_DOC.getParent());
            Files.writeString(COVERAGE_DOC, expected);
        }
        assertThat(COVERAGE_DOC).as("regenerate with ./mvnw -pl event-catalog test -Dsecuritywatch.regenerate=true")
                .exists();
        assertThat(Files.readString(COVERAGE_DOC)).isEqualTo(expected);
    }

    private static String coverageDocument() {
        StringBuilder doc = new StringBuilder("""
                # Catalog coverage by real events

                Generated by `CatalogCoverageTest` from the acceptance corpus in
                `event-model/src/test/resources/acceptance` (provenance in its `MANIFEST.md`). Each entry is
                matched with event-ruler, the EventBridge matching engine, with every entry switched on.
                Regenerate with `./mvnw -pl event-catalog test -Dsecuritywatch.regenerate=true`.

                | entry | real events matched | example |
                |---|---|---|
                """);
        int covered = 0;
        for (Map.Entry<CatalogEntry, List<Labelled>> row : matchesByEntry.entrySet()) {
            List<Labelled> matched = row.getValue();
            if (!matched.isEmpty()) {
                covered++;
            }
            doc.append("| `").append(row.getKey().id()).append("` | ").append(matched.size()).append(" | ")
                    .append(matched.isEmpty() ? "none in the corpus"
                            : "`" + new TreeSet<>(matched.stream().map(Labelled::path).toList()).first() + "`")
                    .append(" |\n");
        }
        doc.append("\n").append(covered).append(" of ").append(matchesByEntry.size())
                .append(" entries have at least one real matching event. Entries without one: ")
                .append(matchesByEntry.entrySet().stream().filter(e -> e.getValue().isEmpty())
                        .map(e -> "`" + e.getKey().id() + "`").collect(Collectors.joining(", ")))
                .append(".\n");
        appendLibraryCoverage(doc);
        appendSigmaCoverage(doc);
        appendRuleCounts(doc);
        return doc.toString();
    }

    /**
     * The libraries' own test events through the default catalog: a rule counts as forwarded when at least one of
     * its positive events is; a negative event should be dropped or come out LOW.
     */
    private static void appendLibraryCoverage(StringBuilder doc) {
        List<LibraryCoverage.Rule> rules = LibraryCoverage.measure(events, new CatalogMatcher(Catalog.defaults()));
        doc.append("""

                ## Coverage of the open detection libraries

                Method: the corpus MANIFEST names, for each file, the library rule it tests. Panther's
                `rules/aws_cloudtrail_rules/*.yml` unit tests are positive (`ExpectedResult=True`) or negative
                (`ExpectedResult=False`); Stratus Red Team's `docs/detonation-logs/aws.*.json` are real detonations,
                all positive. Each event goes through the **default** catalog with event-ruler. A rule is forwarded
                when at least one of its positive events is. A negative event counts against precision when an
                entry made for that rule (its reference names the rule) still matches it above LOW; other entries
                may rightly forward it (a library's negative for one rule is often another rule's positive).
                Panther's severities are read from its rule files (`panther-severities.tsv`); Stratus has none.

                """);
        for (String library : List.of("Panther", "Stratus Red Team")) {
            List<LibraryCoverage.Rule> of = rules.stream().filter(r -> r.library().equals(library)
                    && r.positives() > 0).toList();
            List<LibraryCoverage.Rule> inScope = of.stream().filter(LibraryCoverage.Rule::inScope).toList();
            long detected = of.stream().filter(LibraryCoverage.Rule::detected).count();
            long detectedInScope = inScope.stream().filter(LibraryCoverage.Rule::detected).count();
            int negatives = rules.stream().filter(r -> r.library().equals(library))
                    .mapToInt(LibraryCoverage.Rule::negatives).sum();
            int falsePositives = rules.stream().filter(r -> r.library().equals(library))
                    .mapToInt(r -> r.negativesAboveLow().size()).sum();
            doc.append("- **").append(library).append("**: ").append(detectedInScope).append(" of ")
                    .append(inScope.size()).append(" in-scope rules with a positive test event forwarded (")
                    .append(percent(detectedInScope, inScope.size())).append("); ").append(detected).append(" of ")
                    .append(of.size()).append(" counting the out-of-scope ones (").append(percent(detected, of.size()))
                    .append(")");
            if (negatives > 0) {
                doc.append("; ").append(falsePositives).append(" of ").append(negatives)
                        .append(" negative test events still matched above LOW by the entries made for their rule");
            }
            doc.append(".\n");
        }
        doc.append("\nNegative test events still matched above LOW by the entries made for their rule, and why they"
                + " are kept:\n\n");
        rules.stream().flatMap(rule -> rule.negativesAboveLow().stream()).sorted().forEach(path -> doc.append("- `")
                .append(path).append("`: ").append(LibraryCoverage.KEPT_NEGATIVES.get(path)).append("\n"));
        appendPantherBySeverity(doc, rules);
        doc.append("\nOut of scope, and why (left out of the in-scope percentage):\n\n");
        new TreeMap<>(LibraryCoverage.OUT_OF_SCOPE).forEach((rule, reason) -> doc.append("- `").append(rule)
                .append("`: ").append(reason).append("\n"));
        doc.append("\n| library | rule | positive events forwarded | negatives matched above LOW by its entries |\n"
                + "|---|---|---|---|\n");
        for (LibraryCoverage.Rule rule : rules) {
            doc.append("| ").append(rule.library()).append(" | `").append(rule.id()).append("` | ")
                    .append(rule.positives() == 0 ? "no positive event" : rule.positivesForwarded() + " of "
                            + rule.positives()).append(" | ")
                    .append(rule.negatives() == 0 ? "no negative event" : rule.negativesAboveLow().size() + " of "
                            + rule.negatives()).append(" |\n");
        }
    }

    /**
     * Panther's in-scope rules by Panther's own severity: the goal is 85% of the critical, high and medium ones.
     * Rules Panther has no test event for in the corpus are not counted.
     */
    private static void appendPantherBySeverity(StringBuilder doc, List<LibraryCoverage.Rule> rules) {
        Map<String, String> severities = LibraryCoverage.pantherSeverities();
        doc.append("\nPanther's in-scope rules by Panther's own severity (from its rule files at the corpus's"
                + " commit):\n\n| severity | forwarded |\n|---|---|\n");
        long goalRules = 0;
        long goalDetected = 0;
        for (String severity : List.of("Critical", "High", "Medium", "Low", "Info")) {
            List<LibraryCoverage.Rule> of = rules.stream().filter(r -> r.library().equals("Panther")
                    && r.positives() > 0 && r.inScope() && severity.equals(severities.get(r.id()))).toList();
            long detected = of.stream().filter(LibraryCoverage.Rule::detected).count();
            if (List.of("Critical", "High", "Medium").contains(severity)) {
                goalRules += of.size();
                goalDetected += detected;
            }
            doc.append("| ").append(severity).append(" | ").append(detected).append(" of ").append(of.size())
                    .append(" |\n");
        }
        long outOfScope = rules.stream().filter(r -> r.library().equals("Panther") && r.positives() > 0
                && !r.inScope() && List.of("Critical", "High", "Medium").contains(severities.get(r.id()))).count();
        doc.append("\nCritical, high and medium together: ").append(goalDetected).append(" of ").append(goalRules)
                .append(" (").append(percent(goalDetected, goalRules)).append("; the goal is 85%). Another ")
                .append(outOfScope).append(" critical, high or medium rules are out of scope, listed below.\n");
    }

    /**
     * SigmaHQ's CloudTrail rules by Sigma's own level. Sigma ships no test events: see {@link SigmaCoverage} and
     * the fixture for how each rule becomes its minimal events.
     */
    private static void appendSigmaCoverage(StringBuilder doc) {
        List<SigmaCoverage.Rule> rules = SigmaCoverage.measure(new CatalogMatcher(Catalog.defaults()));
        doc.append("""

                ## Coverage of SigmaHQ's AWS CloudTrail rules

                Method: Sigma's `rules/cloud/aws/cloudtrail/*.yml` ship no test events. Each rule's selection (its
                `eventSource`, `eventName` and simple value conditions such as `requestParameters.*`,
                `userIdentity.type` or `errorCode`) was read into the test fixture
                """).append("`event-catalog/src/test/resources/").append(SigmaCoverage.FIXTURE).append("`").append("""
                , whose header gives the commit and the license and whose comments say what was read into a line.
                For every call a rule selects, the test builds the minimal CloudTrail record that satisfies the
                selection: an IAM user's successful call in us-east-1 plus the rule's conditions (and, where a
                fixture comment gives the evidence, a field CloudTrail always writes with them), wrapped as
                EventBridge wraps it. A rule that names no call is probed with `GetCallerIdentity`; the event lacks
                whatever a `not` filter drops. Each event goes through the **default** catalog with event-ruler. A call is forwarded when its event is (from any source the rule names with it); a rule
                is forwarded when all its in-scope calls are. Rules, or calls of a rule, that need state, read-only
                calls, an opt-in entry or every call of an identity are out of scope, listed below.

                | level | forwarded |
                |---|---|
                """);
        long goalRules = 0;
        long goalDetected = 0;
        for (String level : SigmaCoverage.LEVELS) {
            List<SigmaCoverage.Rule> of = rules.stream().filter(r -> r.level().equals(level) && r.inScope())
                    .toList();
            long detected = of.stream().filter(SigmaCoverage.Rule::detected).count();
            if (SigmaCoverage.GOAL_LEVELS.contains(level)) {
                goalRules += of.size();
                goalDetected += detected;
            }
            doc.append("| ").append(level).append(" | ").append(detected).append(" of ").append(of.size())
                    .append(" |\n");
        }
        long outOfScope = rules.stream().filter(r -> !r.inScope() && SigmaCoverage.countsForTheGoal(r)).count();
        doc.append("\nCritical, high and medium together: ").append(goalDetected).append(" of ").append(goalRules)
                .append(" (").append(percent(goalDetected, goalRules)).append("; the goal is 85%). Another ")
                .append(outOfScope).append(" critical, high or medium rules are out of scope as a whole.\n");
        doc.append("\nIn scope but forwarded only in the forms that matter (counted above as not forwarded):\n\n");
        new TreeMap<>(SigmaCoverage.NARROWED).forEach((call, reason) -> doc.append("- `")
                .append(call.replace(" ", "` ")).append(": ").append(reason).append("\n"));
        doc.append("\nOut of scope, and why (a rule, or one call of it):\n\n");
        new TreeMap<>(SigmaCoverage.OUT_OF_SCOPE).forEach((rule, reason) -> doc.append("- `")
                .append(rule.replace(" ", "` ")).append(rule.contains(" ") ? "" : "`").append(": ")
                .append(reason).append("\n"));
        doc.append("\n| rule | level | in-scope calls forwarded | not forwarded | out of scope | entries |\n"
                + "|---|---|---|---|---|---|\n");
        for (SigmaCoverage.Rule rule : rules) {
            doc.append("| `").append(rule.stem()).append("` | ").append(rule.level()).append(" | ")
                    .append(rule.inScope() ? rule.forwarded().size() + " of "
                            + (rule.forwarded().size() + rule.missed().size()) : "out of scope").append(" | ")
                    .append(String.join(", ", rule.missed())).append(" | ")
                    .append(String.join(", ", rule.outOfScope())).append(" | ")
                    .append(rule.entries().stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
    }

    /** What the default catalog costs each member region in EventBridge rules, against the bus's quotas. */
    private static void appendRuleCounts(StringBuilder doc) {
        Catalog defaults = Catalog.defaults();
        List<String> usEast1 = ForwardingPatterns.forRegion(defaults, "us-east-1");
        List<String> other = ForwardingPatterns.forRegion(defaults, "eu-west-1");
        int longest = java.util.stream.Stream.concat(usEast1.stream(), other.stream())
                .mapToInt(ForwardingPatterns::worstCaseLength).max().orElse(0);
        doc.append("\n## Rules per region\n\nWith the default catalog, each member stack puts ").append(usEast1.size())
                .append(" forwarding rules on the default bus in us-east-1 (which also carries the global services)")
                .append(" and ").append(other.size()).append(" in every other region; the longest pattern is ")
                .append(longest).append(" of ").append(ForwardingPatterns.MAX_PATTERN_CHARS)
                .append(" characters. EventBridge allows 300 rules per bus by default.\n");
    }

    private static String percent(long part, long whole) {
        return (whole == 0 ? 0 : Math.round(100.0 * part / whole)) + "%";
    }

    /** An event the entry is about by name alone, ignoring its extra filters. */
    private static boolean isCandidate(CatalogEntry entry, Labelled event) {
        if (entry.eventSource() == null) {
            return entry.source().test(event.envelope().source())
                    && entry.detailTypes().contains(event.envelope().detailType())
                    && entry.detailFilter().isEmpty();
        }
        return event.envelope().cloudTrailEvent()
                .filter(call -> call.eventSource().equals(entry.eventSource()))
                .filter(call -> entry.detailTypes().contains(event.envelope().detailType()))
                .filter(call -> entry.eventNames().stream().anyMatch(n -> n.test(call.eventName())))
                .isPresent() && entry.detailFilter().isEmpty();
    }

    /**
     * Read-only by name. The {@code readOnly} flag is not used: hand-written corpus fixtures set it on writes
     * such as StartLogging.
     */
    private static boolean isReadOnly(CloudTrailEvent call) {
        return READ_ONLY_NAME.matcher(call.eventName()).matches();
    }
}
