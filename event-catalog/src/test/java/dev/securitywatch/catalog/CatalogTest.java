package dev.securitywatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTest {
    private static final Catalog DEFAULTS = Catalog.defaults();

    @Test
    void entryIdsAreUnique() {
        List<String> ids = DEFAULTS.allEntries().stream().map(CatalogEntry::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void globalServicesAreScopedToUsEast1AndEverythingElseToEveryRegion() {
        for (CatalogEntry entry : DEFAULTS.allEntries()) {
            boolean global = entry.eventSource() != null && Set.of("iam.amazonaws.com", "organizations.amazonaws.com", "sts.amazonaws.com",
                    "route53domains.amazonaws.com", "account.amazonaws.com").contains(entry.eventSource());
            assertThat(entry.regionScope()).as(entry.id())
                    .isEqualTo(global ? RegionScope.US_EAST_1 : RegionScope.EVERY_REGION);
        }
    }

    @Test
    void noisyAndFindingFeedsAreOptIn() {
        assertThat(DEFAULTS.allEntries().stream().filter(e -> !DEFAULTS.isEnabled(e)).map(CatalogEntry::id))
                .containsExactlyInAnyOrder("console-sign-in", "unauthorized-api-call", "securityhub-finding-asff",
                        "securityhub-finding-ocsf", "ssm-remote-execution");
    }

    @Test
    void categorySwitchesApplyBeforeEntrySwitches() {
        Catalog catalog = DEFAULTS.configure(new CatalogSettings(List.of("network", "console-sign-in"),
                List.of("vpc-change", "console-sign-in-failure"), Map.of()));
        assertThat(enabled(catalog)).contains("network-acl-change", "route-table-change", "console-sign-in")
                .doesNotContain("vpc-change", "console-sign-in-failure");
        Catalog noIam = DEFAULTS.configure(new CatalogSettings(List.of("iam-access-key"), List.of("iam"), Map.of()));
        assertThat(enabled(noIam)).contains("iam-access-key").doesNotContain("iam-policy-change");
    }

    @Test
    void extraEventNamesAreAddedToTheEntry() {
        Catalog catalog = DEFAULTS.configure(new CatalogSettings(List.of(), List.of(),
                Map.of("kms-key-policy-change", List.of("CreateGrant"))));
        assertThat(catalog.entry("kms-key-policy-change").orElseThrow().eventNames())
                .contains(Match.exact("PutKeyPolicy"), Match.exact("CreateGrant"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"enable\": [\"no-such-entry\"]}                        | enable[0]: unknown entry or category 'no-such-entry'",
            "{\"enable\": [\"iam\"], \"disable\": [\"iam\"]}          | disable[0]: 'iam' is both enabled and disabled",
            "{\"extraEventNames\": {\"nope\": [\"X1\"]}}              | extraEventNames.nope: unknown entry id",
            "{\"extraEventNames\": {\"root-activity\": [\"Xy\"]}}     | extraEventNames.root-activity: entry 'root-activity' is not a CloudTrail entry",
            "{\"extraEventNames\": {\"vpc-change\": [\"not a name\"]}}| extraEventNames.vpc-change[0]: expected a CloudTrail event name",
            "{\"extraEventNames\": {\"vpc-change\": [\"ListVpcs\"]}}  | extraEventNames.vpc-change: vpc-change: 'ListVpcs' looks like a read-only call",
            "{\"enabled\": []}                                        | enabled: unknown field",
            "{\"enable\": \"iam\"}                                    | enable: expected a list of strings",
            "{\"enable\": [3]}                                        | enable[0]: expected a string",
            "[]                                                       | (root): expected an object"})
    void badSettingsNameTheFieldAtFault(String json, String message) throws Exception {
        assertThatThrownBy(() -> DEFAULTS.configure(CatalogSettings.fromJson(new ObjectMapper().readTree(json))))
                .isInstanceOf(CatalogSettingsException.class)
                .hasMessageStartingWith(message.trim());
    }

    @Test
    void absentSettingsMeanTheDefaults() throws Exception {
        assertThat(CatalogSettings.fromJson(null)).isEqualTo(CatalogSettings.DEFAULTS);
        assertThat(CatalogSettings.fromJson(new ObjectMapper().readTree("null"))).isEqualTo(CatalogSettings.DEFAULTS);
        assertThat(CatalogSettings.fromJson(new ObjectMapper().readTree(
                "{\"enable\":[\"console-sign-in\"],\"extraEventNames\":{\"vpc-change\":[\"CreateSubnet\"]}}")))
                .isEqualTo(new CatalogSettings(List.of("console-sign-in"), List.of(),
                        Map.of("vpc-change", List.of("CreateSubnet"))));
    }

    @Test
    void severitiesOrderFromMostUrgent() {
        assertThat(Severity.CRITICAL.isMoreUrgentThan(Severity.HIGH)).isTrue();
        assertThat(Severity.mostUrgent(Severity.LOW, Severity.MEDIUM)).isEqualTo(Severity.MEDIUM);
    }

    private static Set<String> enabled(Catalog catalog) {
        return catalog.enabledEntries().stream().map(CatalogEntry::id).collect(Collectors.toSet());
    }
}
