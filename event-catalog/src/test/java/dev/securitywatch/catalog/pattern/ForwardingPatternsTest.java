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
        assertThat(MAPPER.readTree(ForwardingPatterns.centralBusPattern(withoutAnyAws)).path("source").toString())
                .contains("\"aws.iam\"", "\"aws.ec2\"").doesNotContain("prefix");
    }

    @Test
    void heartbeatsGoToTheTrackerAndNeverToAlertsWhileEverythingElseStillDoes() throws Exception {
        Catalog catalog = Catalog.defaults();
        PatternMatcher<String> central = new PatternMatcher<>(Map.of(
                "alerts", List.of(ForwardingPatterns.centralBusPattern(catalog)),
                "heartbeats", List.of(ForwardingPatterns.centralHeartbeatPattern(catalog))));
        String canary = "security-watch-canary-ap-northeast-1";

        assertThat(central.matches(call("ssm", "PutParameter", canary, "{\"name\":\"/security-watch/canary\"}")))
                .containsExactly("heartbeats");
        assertThat(central.matches(call("iam", "TagRole", "security-watch-canary-us-east-1",
                "{\"roleName\":\"security-watch-canary-us-east-1\"}"))).containsExactly("heartbeats");
        // The canary's name hides nothing but a heartbeat: any other call, or target, still alerts.
        assertThat(central.matches(call("iam", "AttachRolePolicy", canary,
                "{\"roleName\":\"admin\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}")))
                .containsExactly("alerts");
        assertThat(central.matches(call("iam", "TagRole", "security-watch-canary-evil", "{\"roleName\":\"admin\"}")))
                .containsExactly("alerts");
        assertThat(central.matches(call("ssm", "PutParameter", canary, "{\"name\":\"/prod/db-password\"}")))
                .containsExactly("alerts");
        assertThat(central.matches(call("iam", "CreateUser", "deployer", "{\"userName\":\"x\"}")))
                .containsExactly("alerts");
        assertThat(central.matches(MAPPER.readTree("{\"version\":\"0\",\"id\":\"1\",\"source\":\"aws.guardduty\","
                + "\"detail-type\":\"GuardDuty Finding\",\"account\":\"1\",\"region\":\"us-east-1\","
                + "\"time\":\"2026-12-04T00:00:00Z\",\"detail\":{\"type\":\"Recon:EC2/PortProbeUnprotectedPort\"}}")))
                .as("an event without a userIdentity").containsExactly("alerts");
        assertThat(central.matches(call("iam", "CreateUser", null, "{\"userName\":\"x\"}")))
                .as("an IAM user's call has no session issuer").containsExactly("alerts");
    }

    private static JsonNode call(String service, String eventName, String roleName, String request)
            throws Exception {
        String identity = roleName == null ? "{\"type\":\"IAMUser\",\"userName\":\"alice\"}"
                : "{\"type\":\"AssumedRole\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
                + "\"userName\":\"" + roleName + "\"}}}";
        return MAPPER.readTree("{\"version\":\"0\",\"id\":\"1\",\"source\":\"aws." + service + "\","
                + "\"detail-type\":\"AWS API Call via CloudTrail\",\"account\":\"1\",\"region\":\"us-east-1\","
                + "\"time\":\"2026-12-04T00:00:00Z\",\"detail\":{\"eventSource\":\"" + service + ".amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"userIdentity\":" + identity + ",\"requestParameters\":"
                + request + "}}");
    }

    @Test
    void regionScopeLabelsMatchTheCliContract() {
        assertThat(RegionScope.US_EAST_1.label()).isEqualTo("us-east-1");
        assertThat(RegionScope.EVERY_REGION.label()).isEqualTo("every-region");
    }
}
