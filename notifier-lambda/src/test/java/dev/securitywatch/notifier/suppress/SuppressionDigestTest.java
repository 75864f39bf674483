package dev.securitywatch.notifier.suppress;

import static dev.securitywatch.notifier.support.SuppressionLists.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.chat.format.SlackLimits;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.Golden;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.notifier.support.SuppressionLists;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The weekly digest: what it says about each entry, its pinned layout, and Slack's limits at any list size. */
class SuppressionDigestTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void listsEachEntryWithItsOwnerReasonExpiryAndWhatItHid() throws Exception {
        Suppressions list = SuppressionLists.of("[" + String.join(", ",
                entry("terraform-tags", "{'actorArn': 'arn:aws:sts::111111111111:assumed-role/terraform',"
                        + " 'eventNames': ['CreateTags', 'DeleteTags']}", "drop"),
                entry("sandbox-network", "{'accounts': ['222222222222'], 'categories': ['network']}", "summary-only")
                        .replace("2099-12-31", "2026-12-10"),
                entry("break-glass-drill", "{'actorArn': 'arn:aws:sts::*:assumed-role/BreakGlass',"
                        + " 'eventNames': ['ConsoleLogin']}", "downgrade").replace("2099-12-31", "2026-12-01"))
                + "]");
        Map<String, Optional<Map<String, Integer>>> hidden = Map.of(
                "terraform-tags", Optional.of(Map.of("CreateTags", 180, "DeleteTags", 34)),
                "sandbox-network", Optional.of(Map.of("CreateRoute", 7, "CreateVpc", 1, "CreateSubnet", 4,
                        "CreateRouteTable", 2, "AttachInternetGateway", 1, "CreateInternetGateway", 1)),
                "break-glass-drill", Optional.of(Map.of()));

        Alert digest = SuppressionDigest.of(list, hidden, "2026-W49", NOW);

        assertThat(digest.headline()).isEqualTo("Suppressions hid 230 events last week (2026-W49)");
        assertThat(digest.dedupKey()).isEqualTo("digest:2026-W49");
        assertThat(digest.sections()).extracting(Alert.Section::heading).containsExactly(
                "terraform-tags · until 2099-12-31",
                "sandbox-network · until 2026-12-10 ⚠ expires in 4 days",
                "break-glass-drill · EXPIRED on 2026-12-01, no longer applies");
        assertThat(digest.sections().get(0).lines()).contains("Hid:     214 (CreateTags × 180, DeleteTags × 34)",
                "Owner:   platform@example.com", "Reason:  platform pipeline");
        assertThat(digest.sections().get(1).lines()).contains("Hid:     16 (CreateRoute × 7, CreateSubnet × 4,"
                + " CreateRouteTable × 2, AttachInternetGateway × 1, CreateInternetGateway × 1, 1 more event names)");
        assertThat(digest.sections().get(2).lines()).contains("Hid:     nothing");
        String json = Rendering.LAYOUT.layout(digest).json();
        PayloadChecks.assertValid(json);
        assertThat(json).doesNotContain("unknown account");
        Golden.assertMatches("suppression-digest", json);
    }

    @Test
    void aLongListStaysWithinSlacksLimitsAndSaysWhatWasCut() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            entries.add(entry("entry-" + i, "{'eventNames': ['Call" + i + "']}", "drop"));
        }

        Alert digest = SuppressionDigest.of(SuppressionLists.of("[" + String.join(", ", entries) + "]"), Map.of(),
                "2026-W49", NOW);
        String json = Rendering.LAYOUT.layout(digest).json();

        PayloadChecks.assertValid(json);
        assertThat(json.length()).isLessThanOrEqualTo(SlackLimits.MESSAGE_TEXT);
        assertThat(digest.fields()).contains(Alert.Field.of("In force", "80"));
    }
}
