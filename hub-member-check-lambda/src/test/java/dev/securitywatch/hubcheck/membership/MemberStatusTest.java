package dev.securitywatch.hubcheck.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.testing.AcceptanceData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberStatusTest {

    @ParameterizedTest(name = "{0} vs {1} -> same={2}")
    @CsvSource({
            "Enabled, ENABLED, true",
            "enabled, Enabled, true",
            "ASSOCIATED, Enabled, true",
            "Associated, ENABLED, true",
            "ACCOUNT_SUSPENDED, AccountSuspended, true",
            "Resigned, RESIGNED, true",
            "Invited, Enabled, false",
            "Created, Invited, false",
            "Removed, Resigned, false",
            "Deleted, Removed, false"})
    void comparesStatusesWhateverTheirSpelling(String a, String b, boolean same) {
        assertThat(new MemberStatus(a).sameAs(new MemberStatus(b))).isEqualTo(same);
        assertThat(new MemberStatus(b).sameAs(new MemberStatus(a))).isEqualTo(same);
    }

    /** The documented values from the service model's history (acceptance corpus): 2021 upper case, 2022 on. */
    @Test
    void everyDocumentedSpellingMatchesItsLaterSpellingAndNoOther() {
        JsonNode documented = AcceptanceData.sample("securityhub/awscli-memberstatus-summary-1.json").json()
                .path("documented");
        List<String> upper = texts(documented.get(0).path("values"));
        List<String> current = texts(documented.get(1).path("values"));
        assertThat(upper).hasSameSizeAs(current).contains("ACCOUNT_SUSPENDED");

        for (int i = 0; i < upper.size(); i++) {
            for (int j = 0; j < current.size(); j++) {
                assertThat(new MemberStatus(upper.get(i)).sameAs(new MemberStatus(current.get(j))))
                        .as("%s vs %s", upper.get(i), current.get(j)).isEqualTo(i == j);
            }
        }
    }

    @Test
    void theOlderAssociatedSeenInSdkDocsAndCliExamplesIsEnabled() {
        JsonNode summary = AcceptanceData.sample("securityhub/awscli-memberstatus-summary-1.json").json();

        assertThat(texts(summary.path("older_sdk_docs_seen"))).contains("ASSOCIATED");
        assertThat(new MemberStatus("ASSOCIATED").sameAs(new MemberStatus("Enabled"))).isTrue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Enabled", "ENABLED", "Associated", "ASSOCIATED"})
    void knowsEnabledInEverySpelling(String spelling) {
        MemberStatus status = new MemberStatus(spelling);
        assertThat(status.isEnabled()).isTrue();
        assertThat(status.isResigned()).isFalse();
        assertThat(status).hasToString(spelling);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Resigned", "RESIGNED", "resigned"})
    void knowsResignedInEverySpelling(String spelling) {
        assertThat(new MemberStatus(spelling).isResigned()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsBlankStatus(String spelling) {
        assertThatThrownBy(() -> new MemberStatus(spelling)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11111111111", "1111111111111", "11111111111a", "<!channel>"})
    void rejectsMalformedAccountIds(String id) {
        assertThatThrownBy(() -> new Member(id, MemberStatus.ENABLED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12-digit");
    }

    @ParameterizedTest(name = "{0}: active={1} suspendedOrClosed={2}")
    @CsvSource({
            "ACTIVE, true, false",
            "active, true, false",
            "SUSPENDED, false, true",
            "PENDING_CLOSURE, false, true",
            "CLOSED, false, true",
            "PENDING_ACTIVATION, false, false"})
    void classifiesOrganizationStates(String state, boolean active, boolean suspendedOrClosed) {
        OrgAccount account = new OrgAccount("111111111111", "prod", state);
        assertThat(account.isActive()).isEqualTo(active);
        assertThat(account.isSuspendedOrClosed()).isEqualTo(suspendedOrClosed);
    }
}
