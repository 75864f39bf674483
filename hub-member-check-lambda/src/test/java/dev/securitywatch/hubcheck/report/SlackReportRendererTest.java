package dev.securitywatch.hubcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.HeaderBlock;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.testing.SlackText;
import dev.securitywatch.hubcheck.testing.Snapshots;
import dev.securitywatch.chat.format.SlackLimits;
import dev.securitywatch.chat.format.TextBudget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackReportRendererTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final SlackReportRenderer renderer = new SlackReportRenderer(SectionBudget.DEFAULT);

    @Test
    void rendersEveryChangeClassWithTheApiSpellingAndAccountNames() {
        MembershipSnapshot previous = Snapshots.at("2026-11-20T02:00:00Z")
                .region("us-east-1", "111111111111=Invited", "222222222222=Enabled", "444444444444=ENABLED")
                .region("ap-northeast-1", "111111111111=Invited").build();
        MembershipSnapshot current = Snapshots.at("2026-11-23T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled", "333333333333=Invited", "444444444444=Resigned")
                .region("ap-northeast-1", "111111111111=Enabled").build();

        SlackMessage message = renderer.render(compared(previous, current, Map.of("111111111111", "prod")));

        assertThat(SlackText.blocks(message)).containsExactly(
                "Security Hub membership · 2026-11-23 (Mon)",
                "Compared with the snapshot of 2026-11-20 11:00 JST · Regions: ap-northeast-1, us-east-1",
                "*4 members* in 2 regions: 3 transitions · 1 new member · 1 disappeared · 1 resigned"
                        + " · Organizations not checked",
                "---",
                "*Transitions* · 2 accounts\n"
                        + "• `111111111111` (prod): Invited → Enabled · all 2 regions\n"
                        + "• `444444444444`: ENABLED → Resigned · us-east-1",
                "*New members* · 1 account\n• `333333333333`: new, Invited · us-east-1",
                "*Disappeared members* · 1 account\n• `222222222222`: was Enabled, no longer listed · us-east-1",
                ":warning: *Resigned* · 1 account\n• `444444444444` · us-east-1",
                "Full snapshot: s3://bucket/snapshots/2026/11/23/2026-11-23T02:00:00Z.json");
        assertThat(message.text()).isEqualTo("Security Hub membership 2026-11-23: 5 changes, 1 resigned");
    }

    @Test
    void dateAndTimesAreInTheSchedulesTimeZone() {
        MembershipSnapshot previous = Snapshots.at("2026-11-19T16:00:00Z").region("us-east-1").build();
        MembershipSnapshot current = Snapshots.at("2026-11-20T15:30:00Z").region("us-east-1").build();
        MembershipReport report = MembershipReport.compare(LocalDate.of(2026, 11, 21), TOKYO, current,
                Optional.of(previous), new Baseline.Compared("k", previous.takenAt(), false, Map.of()), Set.of(), Map.of(),
                List.of(), Optional.empty());

        List<String> blocks = SlackText.blocks(renderer.render(report));

        assertThat(blocks.get(0)).isEqualTo("Security Hub membership · 2026-11-21 (Sat)");
        assertThat(blocks.get(1)).startsWith("Compared with the snapshot of 2026-11-20 01:00 JST");
        assertThat(blocks).contains(":white_check_mark: *No change* in Security Hub membership since the last"
                + " snapshot.", ":warning: *Resigned*: none");
    }

    @Test
    void untrustedTextCannotMentionChannelsOrDisguiseLinks() {
        MembershipSnapshot current = Snapshots.at("2026-11-23T02:00:00Z")
                .region("us-east-1", "111111111111=<!channel> & <https://evil|ok>")
                .org("111111111111=<!here> *team*\nfake line=ACTIVE", "222222222222=<@U123>=ACTIVE").build();

        String text = SlackText.all(renderer.render(MembershipReport.compare(LocalDate.of(2026, 11, 23), TOKYO,
                current, Optional.empty(), new Baseline.Unreadable("snapshots/<x>.json", "bad <!channel>"),
                Set.of(), Map.of(), List.of(new Problem("Organizations", "denied <@U999>")), Optional.empty())));

        assertThat(text).doesNotContain("<!channel>", "<!here>", "<@U123>", "<@U999>", "<https://")
                .contains("&lt;!channel&gt; &amp; &lt;https://evil|ok&gt;", "(&lt;!here&gt; *team* fake line)",
                        "`222222222222` (&lt;@U123&gt;)", "snapshots/&lt;x&gt;.json", "denied &lt;@U999&gt;");
    }

    @Test
    void hundredsOfAccountsStayWithinSlackLimitsWithCompleteCounts() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> org = new ArrayList<>();
        IntStream.range(0, 600).forEach(i -> {
            String id = String.format("%012d", 100_000_000_000L + i);
            before.add(id + "=Invited");
            after.add(id + (i % 2 == 0 ? "=Enabled" : "=Resigned"));
            org.add(id + "=account-with-a-rather-long-name-number-" + i + "=ACTIVE");
        });
        IntStream.range(0, 400).forEach(i -> org.add(String.format("%012d", 200_000_000_000L + i) + "==ACTIVE"));
        String[] regions = {"us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "ap-southeast-2"};
        Snapshots previous = Snapshots.at("2026-11-20T02:00:00Z");
        Snapshots current = Snapshots.at("2026-11-23T02:00:00Z").org(org.toArray(String[]::new));
        for (String region : regions) {
            previous.region(region, before.toArray(String[]::new));
            current.region(region, after.toArray(String[]::new));
        }

        SlackMessage message = renderer.render(compared(previous.build(), current.build(), Map.of()));

        assertThat(message.blocks()).hasSizeLessThanOrEqualTo(SlackLimits.MAX_BLOCKS);
        assertThat(SlackText.blocks(message)).allSatisfy(text ->
                assertThat(text.length()).isLessThanOrEqualTo(SlackLimits.SECTION_TEXT));
        assertThat(SlackText.all(message).length()).isLessThanOrEqualTo(SlackLimits.MESSAGE_TEXT);
        assertThat(SlackText.all(message)).contains(
                "*3000 members* in 5 regions: 3000 transitions · 0 new members · 0 disappeared · 1500 resigned"
                        + " · 2000 not enrolled",
                "*Transitions* · 600 accounts",
                "• `100000000011` (account-with-a-rather-long-name-number-11): Invited → Resigned · all 5 regions\n"
                        + "_…and 588 more in s3://bucket/snapshots/2026/11/23/2026-11-23T02:00:00Z.json_",
                ":warning: *Resigned* · 300 accounts",
                "*Organization accounts not enrolled in Security Hub* · 400 accounts");
        assertThat(SlackPayloadJson.toJson(message).length()).isLessThan(40_000);
    }

    @Test
    void aFirstRunListsTheCurrentStateAsTheBaseline() {
        MembershipSnapshot current = Snapshots.at("2026-11-23T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled", "222222222222=Invited", "333333333333=Enabled")
                .build();

        SlackMessage message = renderer.render(MembershipReport.compare(LocalDate.of(2026, 11, 23), TOKYO, current,
                Optional.empty(), new Baseline.FirstRun(), Set.of(), Map.of(), List.of(), Optional.empty()));

        assertThat(SlackText.blocks(message)).contains(
                "First snapshot: no earlier snapshot exists, so this run is the baseline · Regions: us-east-1",
                "*Current membership (baseline)*\n• us-east-1: 2 Enabled · 1 Invited\n"
                        + "• `111111111111`: Enabled · us-east-1\n• `222222222222`: Invited · us-east-1\n"
                        + "• `333333333333`: Enabled · us-east-1");
        assertThat(message.text()).isEqualTo("Security Hub membership 2026-11-23: baseline, 0 resigned");
    }

    @Test
    void theHeaderIsPlainTextAndThePayloadIsSlackJson() throws Exception {
        SlackMessage message = renderer.render(compared(
                Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1").build(),
                Snapshots.at("2026-11-23T02:00:00Z").region("us-east-1").build(), Map.of()));

        assertThat(message.blocks().get(0)).isInstanceOf(HeaderBlock.class);
        JsonNode payload = new ObjectMapper().readTree(SlackPayloadJson.toJson(message));
        assertThat(payload.path("text").asText()).startsWith("Security Hub membership 2026-11-23");
        assertThat(payload.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(payload.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(payload.path("blocks").get(1).path("type").asText()).isEqualTo("context");
        assertThat(payload.path("blocks").get(2).path("text").path("type").asText()).isEqualTo("mrkdwn");
    }

    @Test
    void aBudgetMustLeaveRoomUnderSlacksLimit() {
        assertThatThrownBy(() -> new SectionBudget(10, 2900)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SectionBudget(0, 2000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongListIsCutByCharactersAsWellAsLines() {
        SectionBudget budget = new SectionBudget(100, 400);

        String text = budget.fit("*Title*", IntStream.range(0, 50).mapToObj(i -> "• line number " + i).toList(),
                "", TextBudget.forMessage());

        assertThat(text.length()).isLessThanOrEqualTo(430);
        assertThat(text).startsWith("*Title*\n• line number 0\n").endsWith(" more_");
    }

    private static MembershipReport compared(MembershipSnapshot previous, MembershipSnapshot current,
                                             Map<String, String> names) {
        Instant takenAt = current.takenAt().orElseThrow();
        return MembershipReport.compare(takenAt.atZone(TOKYO).toLocalDate(), TOKYO, current, Optional.of(previous),
                new Baseline.Compared("snapshots/previous.json", previous.takenAt(), false, Map.of()), Set.of(),
                names,
                List.of(), Optional.of("s3://bucket/snapshots/2026/11/23/2026-11-23T02:00:00Z.json"));
    }
}
