package dev.securitywatch.catalog.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.RegionScope;
import dev.securitywatch.event.testing.CorpusEvents;
import dev.securitywatch.event.testing.CorpusEvents.Labelled;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardingPatternsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Catalog EVERYTHING = Catalog.defaults().configure(new CatalogSettings(
            Arrays.stream(Category.values()).map(Category::id).toList(), List.of(), Map.of()));

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "ap-northeast-1", "eu-west-1"})
    void everyPatternFitsTheQuotaEvenWhenReSerializedWithSpaces(String region) {
        for (Catalog catalog : List.of(Catalog.defaults(), EVERYTHING)) {
            assertThat(ForwardingPatterns.forRegion(catalog, region))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(ForwardingPatterns.worstCaseLength(p))
                            .isLessThanOrEqualTo(ForwardingPatterns.MAX_PATTERN_CHARS));
        }
    }

    @Test
    void mergingKeepsTheRuleCountSmall() {
        int entries = Catalog.defaults().enabledEntriesFor("us-east-1").size();
        List<String> patterns = ForwardingPatterns.forRegion(Catalog.defaults(), "us-east-1");
        int minimum = (int) Math.ceil(patterns.stream().mapToInt(ForwardingPatterns::worstCaseLength).sum()
                / (double) ForwardingPatterns.MAX_PATTERN_CHARS);
        assertThat(patterns.size()).isLessThan(entries / 4).isLessThanOrEqualTo(minimum + 1);
    }

    @Test
    void mergedPatternsMatchExactlyWhatTheEntriesMatchInEveryRegionSet() {
        List<Labelled> events = CorpusEvents.allEvents();
        for (String region : List.of("us-east-1", "ap-northeast-1")) {
            PatternMatcher<String> merged = new PatternMatcher<>(Map.of("rules",
                    ForwardingPatterns.forRegion(EVERYTHING, region)));
            PatternMatcher<String> entries = new PatternMatcher<>(Map.of("entries",
                    EVERYTHING.enabledEntriesFor(region).stream().map(e -> PatternJson.write(e.toPattern()))
                            .toList()));
            for (Labelled event : events) {
                assertThat(merged.matches(event.envelope().json()))
                        .as("%s in %s", event.path(), region)
                        .hasSize(entries.matches(event.envelope().json()).size());
            }
        }
    }

    @Test
    void anOversizedNameListIsSplitAcrossPatternsAndStillMatchesEveryName() throws Exception {
        CatalogEntry sg = Catalog.defaults().entry("security-group-change").orElseThrow();
        List<String> patterns = ForwardingPatterns.pack(List.of(sg), 300);
        assertThat(patterns).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(ForwardingPatterns.worstCaseLength(p)).isLessThanOrEqualTo(300));
        PatternMatcher<String> matcher = new PatternMatcher<>(Map.of("rules", patterns));
        for (var name : sg.eventNames()) {
            JsonNode event = MAPPER.readTree("""
                    {"source":"aws.ec2","detail-type":"AWS API Call via CloudTrail",
                     "detail":{"eventSource":"ec2.amazonaws.com","eventName":"%s"}}""".formatted(name.value()));
            assertThat(matcher.matches(event)).as(name.value()).isNotEmpty();
        }
    }

    @Test
    void anEntryThatCannotFitFailsWithTheOffendingPattern() {
        CatalogEntry root = Catalog.defaults().entry("root-activity").orElseThrow();
        assertThatThrownBy(() -> ForwardingPatterns.pack(List.of(root), 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds 50 characters")
                .hasMessageContaining("Root");
    }

    @Test
    void centralBusPatternCoversEverySourceTheMembersForward() throws Exception {
        JsonNode pattern = MAPPER.readTree(ForwardingPatterns.centralBusPattern(Catalog.defaults()));
        assertThat(pattern.path("source").toString())
                .contains("{\"prefix\":\"aws.\"}", "security-watch.remediation")
                .doesNotContain("\"aws.iam\"");
        Catalog withoutAnyAws = Catalog.defaults().configure(new CatalogSettings(List.of(),
                List.of("root-activity"), Map.of()));
        assertThat(ForwardingPatterns.centralBusPattern(withoutAnyAws)).contains("\"aws.iam\"", "\"aws.ec2\"")
                .doesNotContain("prefix");
    }

    @Test
    void regionScopeLabelsMatchTheCliContract() {
        assertThat(RegionScope.US_EAST_1.label()).isEqualTo("us-east-1");
        assertThat(RegionScope.EVERY_REGION.label()).isEqualTo("every-region");
    }
}
