package dev.securitywatch.catalog.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.cases.CatalogCases.Case;
import dev.securitywatch.catalog.pattern.ForwardingPatterns;
import dev.securitywatch.catalog.pattern.PatternJson;
import dev.securitywatch.catalog.pattern.PatternMatcher;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code catalog-cases.json} through event-ruler, twice: against each entry's own pattern (which
 * entries match: the case's {@code matches}) and against the merged patterns the member rules deploy (whether the
 * event is forwarded: the case's {@code forwarded}). The two must agree in every region set, for the default
 * catalog and with every entry switched on.
 */
class CatalogCasesTest {

    /** Every entry switched on, opt-in ones included: what {@code matches} is checked against. */
    private static final Catalog EVERYTHING = Catalog.defaults().configure(new CatalogSettings(
            Arrays.stream(Category.values()).map(Category::id).toList(), List.of(), Map.of()));
    private static final Map<String, Catalog> CATALOGS = Map.of("default catalog", Catalog.defaults(),
            "every entry on", EVERYTHING);
    /** The global-service region, which carries every entry, and one that carries the regional ones only. */
    private static final List<String> REGIONS = List.of("us-east-1", "ap-northeast-1");

    private static final List<Case> CASES = CatalogCases.load(EVERYTHING);
    private static final PatternMatcher<String> ENTRY_PATTERNS = entryPatterns();
    private static final Map<String, PatternMatcher<String>> FORWARDING = new ConcurrentHashMap<>();

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void entryPatternsAndForwardingPatternsAgreeOnTheCase(Case c) {
        JsonNode event = c.envelope().json();
        Set<String> matched = new LinkedHashSet<>(ENTRY_PATTERNS.matches(event));
        assertThat(new TreeSet<>(matched)).as("entries matching %s (%s)", c.name(), c.source())
                .isEqualTo(new TreeSet<>(c.matches()));

        for (Map.Entry<String, Catalog> catalog : CATALOGS.entrySet()) {
            Set<String> regions = new LinkedHashSet<>(REGIONS);
            regions.addAll(c.forwarded().keySet());
            for (String region : regions) {
                boolean byEntries = catalog.getValue().enabledEntriesFor(region).stream()
                        .anyMatch(e -> matched.contains(e.id()));
                assertThat(forwards(catalog.getKey(), catalog.getValue(), region, event))
                        .as("merged %s patterns for %s forward %s exactly when one of its entries matches (%s)",
                                catalog.getKey(), region, c.name(), matched)
                        .isEqualTo(byEntries);
            }
        }
        c.forwarded().forEach((region, expected) ->
                assertThat(forwards("default catalog", Catalog.defaults(), region, event))
                        .as("the default catalog's member rules in %s forward %s", region, c.name())
                        .isEqualTo(expected));
    }

    /** Adding an entry means adding its cases: each entry needs at least one event it matches. */
    @Test
    void everyEntryHasACaseItMatches() {
        Set<String> covered = new LinkedHashSet<>();
        CASES.forEach(c -> covered.addAll(c.matches()));
        assertThat(EVERYTHING.allEntries().stream().map(CatalogEntry::id).filter(id -> !covered.contains(id)))
                .as("entries without a case in %s", CatalogCases.RESOURCE)
                .isEmpty();
    }

    /** The cases exercise the read-only guard, look-alike names and foreign sources, not only the happy path. */
    @Test
    void thereAreNegativeCases() {
        assertThat(CASES.stream().filter(c -> c.matches().isEmpty()).count()).isGreaterThanOrEqualTo(20);
    }

    private static boolean forwards(String catalogName, Catalog catalog, String region, JsonNode event) {
        PatternMatcher<String> merged = FORWARDING.computeIfAbsent(catalogName + " " + region,
                key -> new PatternMatcher<>(Map.of("rules", ForwardingPatterns.forRegion(catalog, region))));
        return !merged.matches(event).isEmpty();
    }

    private static PatternMatcher<String> entryPatterns() {
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        EVERYTHING.allEntries().forEach(e -> patterns.put(e.id(), List.of(PatternJson.write(e.toPattern()))));
        return new PatternMatcher<>(patterns);
    }
}
