package dev.securitywatch.notifier.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.chat.format.SlackLimits;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.Bursts;
import dev.securitywatch.notifier.support.Golden;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary message: what it says, that it keeps every Slack limit at any size, and its pinned layout. */
class SummaryAlertTest {
    private static final String SG_BY_TESTADMIN = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private final SummaryAlert summaries = new SummaryAlert(Rendering.SETTINGS, BurstPlanner.DEFAULT_THRESHOLD);

    private static Post.Summary summary(int size) {
        List<Alert> alerts = Bursts.variants(SG_BY_TESTADMIN, size).stream()
                .map(m -> Rendering.RENDERER.render(m).alert()).toList();
        return (Post.Summary) new BurstPlanner(BurstPlanner.DEFAULT_THRESHOLD).plan(alerts, a -> "").get(0);
    }

    @Test
    void aThousandEventSummaryKeepsEverySlackLimitAndSaysHowManyItDoesNotList() {
        Alert alert = summaries.of(summary(1000));
        String json = Rendering.LAYOUT.layout(alert).json();

        JsonNode payload = PayloadChecks.assertValid(json);
        assertThat(json.length()).isLessThanOrEqualTo(SlackLimits.MESSAGE_TEXT);
        assertThat(payload.path("text").asText()).contains("1000 security-group events by TestAdmin (assumed role)");
        assertThat(json).contains("AuthorizeSecurityGroupIngress × 1000", "more events (all in Dashboards");
        String button = payload.findValues("url").stream().map(JsonNode::asText)
                .filter(url -> url.contains("/app/discover")).findFirst().orElseThrow();
        assertThat(button.length()).isLessThan(SlackLimits.BUTTON_URL);
    }

    @Test
    void aThousandEventsArePagedIntoThreadRepliesThatEachKeepEverySlackLimitAndListEveryEvent() {
        Post.Summary summary = summary(1000);

        List<SummaryAlert.Page> pages = summaries.pages("summary:x", summary.members(), 0, 1000);

        assertThat(pages).hasSizeBetween(20, 60);
        assertThat(pages.stream().mapToInt(page -> page.events().size()).sum()).isEqualTo(1000);
        assertThat(pages.get(0).alert().headline()).startsWith("Events 1–").endsWith(" of 1000");
        int listed = 0;
        for (SummaryAlert.Page page : pages) {
            String json = Rendering.LAYOUT.layout(page.alert()).json();
            PayloadChecks.assertValid(json);
            assertThat(json).doesNotContain("left out", "more events");
            listed += json.split("AuthorizeSecurityGroupIngress security-group:", -1).length - 1;
        }
        assertThat(listed).isEqualTo(1000);
        assertThat(summaries.pages("summary:x", summary.members().subList(0, 5), 40, -1).get(0).alert().headline())
                .as("a growing group's pages count on from where it was").isEqualTo("Events 41–45");
    }

    @Test
    void theDashboardsSearchSelectsTheGroupByAccountCategoryActorAndTime() {
        Alert alert = summaries.of(summary(10));

        String url = URLDecoder.decode(alert.links().get(0).url(), StandardCharsets.UTF_8);
        assertThat(url).startsWith("https://dashboards.example.com/_dashboards/app/discover#/")
                .contains("time:(from:'2026-11-20T09:59:00Z',to:'2026-11-20T10:01:09Z')")
                .contains("cloud.account.id:\"112233445566\"", "event.category:\"security-group\"",
                        "user.arn:arn\\:aws\\:sts\\:\\:112233445566\\:assumed-role/TestAdmin/*");
    }

    @Test
    void theSummaryStandsForItsMembersUnderOneStableKey() {
        assertThat(summaries.of(summary(5)).dedupKey()).isEqualTo(summaries.of(summary(5)).dedupKey())
                .startsWith("summary:").isNotEqualTo(summaries.of(summary(6)).dedupKey());
    }

    @Test
    void aSummaryIsPinned() throws Exception {
        String json = Rendering.LAYOUT.layout(summaries.of(summary(12))).json();
        PayloadChecks.assertValid(json);

        Golden.assertMatches("burst-summary", Rendering.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Rendering.MAPPER.readTree(json)) + "\n");
    }
}
