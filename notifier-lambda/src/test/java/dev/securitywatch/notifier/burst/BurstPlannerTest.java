package dev.securitywatch.notifier.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.Bursts;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.notifier.support.SuppressionLists;
import dev.securitywatch.catalog.suppression.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Grouping keys, the threshold, the CRITICAL bypass and the order of posts, on rendered corpus events. */
class BurstPlannerTest {
    private static final String SG_BY_TESTADMIN = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final String SSH_WORLD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json";
    /** A failed console sign-in: its catalog entry groups per account, whoever tried. */
    private static final String FAILED_SIGN_IN = "cloudtrail/signin-ConsoleLogin-IAMUser-panther-8.json";
    private static final String NETWORK_BY_TESTER = "cloudtrail/ec2-CreateRoute-AssumedRole-panther-1.json";
    private final BurstPlanner planner = new BurstPlanner(BurstPlanner.DEFAULT_THRESHOLD);

    private static List<Alert> alerts(List<InboundMessage> messages) {
        return messages.stream().map(m -> Rendering.RENDERER.render(m).alert()).toList();
    }

    private static List<Post> plan(BurstPlanner planner, List<Alert> alerts) {
        return planner.plan(alerts, alert -> "");
    }

    @Test
    void aGroupAtTheThresholdPostsEachAlertAndOneMoreMakesASummary() {
        assertThat(plan(planner, alerts(Bursts.variants(SG_BY_TESTADMIN, 3))))
                .hasSize(3).allMatch(post -> post instanceof Post.Single);

        List<Post> four = plan(planner, alerts(Bursts.variants(SG_BY_TESTADMIN, 4)));
        assertThat(four).singleElement().isInstanceOfSatisfying(Post.Summary.class, summary -> {
            assertThat(summary.members()).hasSize(4);
            assertThat(summary.key().category()).isEqualTo("security-group");
            assertThat(summary.key().actor()).isEqualTo("arn:aws:sts::112233445566:assumed-role/TestAdmin");
        });
    }

    @Test
    void differentActorsCategoriesAndRoutesNeverMerge() {
        List<Alert> alerts = new ArrayList<>(alerts(Bursts.variants(SG_BY_TESTADMIN, 5)));
        alerts.addAll(alerts(Bursts.variants(NETWORK_BY_TESTER, 5)));

        List<Post> byGroup = plan(planner, alerts);
        assertThat(byGroup).hasSize(2).allMatch(post -> post instanceof Post.Summary);

        List<Post> byRoute = planner.plan(alerts(Bursts.variants(SG_BY_TESTADMIN, 8)), BurstPlannerTest::evenOrOdd);
        assertThat(byRoute).allSatisfy(post -> assertThat(post.alerts()).extracting(BurstPlannerTest::evenOrOdd)
                .containsOnly(evenOrOdd(post.alerts().get(0))));
        assertThat(byRoute.stream().mapToInt(post -> post.alerts().size()).sum()).isEqualTo(8);
    }

    @Test
    void aCriticalAlertAlwaysPostsOnItsOwnAndFirstEvenInsideABigGroup() {
        List<Alert> alerts = new ArrayList<>(alerts(Bursts.variants(SG_BY_TESTADMIN, 5)));
        Alert critical = Rendering.RENDERER.render(Rendering.parse(AcceptanceData.text(SSH_WORLD)).get(0)).alert();
        assertThat(critical.severity()).isEqualTo(Severity.CRITICAL);
        alerts.add(critical);

        List<Post> posts = plan(planner, alerts);

        assertThat(posts.get(0)).isEqualTo(new Post.Single(critical));
        assertThat(posts.subList(1, posts.size())).allSatisfy(post ->
                assertThat(post.alerts()).noneMatch(a -> a.severity() == Severity.CRITICAL));
        assertThat(posts.stream().mapToInt(post -> post.alerts().size()).sum()).isEqualTo(6);
    }

    @Test
    void criticalAlertsOfAGroupAreCountedInItsSummary() {
        List<Alert> alerts = new ArrayList<>(alerts(Bursts.variants(SG_BY_TESTADMIN, 3)));
        List<Alert> critical = alerts(Bursts.variants(SSH_WORLD, 2));
        alerts.addAll(critical);

        List<Post> posts = plan(planner, alerts);

        // SSH_WORLD is another actor: its two CRITICAL alerts post alone, the three others stay singles.
        assertThat(posts).hasSize(5);
        assertThat(posts.subList(0, 2)).extracting(post -> post.alerts().get(0)).containsExactlyElementsOf(critical);
    }

    @Test
    void postsFollowTheArrivalOfTheirFirstAlert() {
        List<Alert> network = alerts(Bursts.variants(NETWORK_BY_TESTER, 1));
        List<Alert> alerts = new ArrayList<>(network);
        alerts.addAll(alerts(Bursts.variants(SG_BY_TESTADMIN, 4)));

        List<Post> posts = plan(planner, alerts);

        assertThat(posts.get(0)).isEqualTo(new Post.Single(network.get(0)));
        assertThat(posts.get(1)).isInstanceOf(Post.Summary.class);
    }

    private static String evenOrOdd(Alert alert) {
        return Math.floorMod(alert.dedupKey().hashCode(), 2) == 0 ? "C-EVEN" : "C-ODD";
    }

    @Test
    void theThresholdMustBePositive() {
        assertThatThrownBy(() -> new BurstPlanner(0)).hasMessageContaining("at least 1");
    }

    @Test
    void summaryOnlyAlertsGroupApartAndPostAsASummaryAtAnyCount() {
        Suppression quiet = SuppressionLists.of("[" + SuppressionLists.entry("terraform-sg",
                "{'eventNames': ['AuthorizeSecurityGroupIngress']}", "summary-only") + "]").entries().get(0);
        List<Alert> suppressed = alerts(Bursts.variants(SG_BY_TESTADMIN, 2));
        List<Alert> alerts = new ArrayList<>(suppressed);
        alerts.add(alerts(List.of(Bursts.variant(SG_BY_TESTADMIN, 7, "2026-11-20T10:00:00Z"))).get(0));

        List<Post> posts = planner.plan(alerts, a -> "",
                a -> suppressed.contains(a) ? Optional.of(quiet) : Optional.empty());

        assertThat(posts).hasSize(2);
        assertThat(posts.get(0)).isInstanceOfSatisfying(Post.Summary.class, summary -> {
            assertThat(summary.members()).containsExactlyElementsOf(suppressed);
            assertThat(summary.summaryOnly()).contains(quiet);
        });
        assertThat(posts.get(1)).as("the same group's unsuppressed alert is not pulled into it")
                .isInstanceOf(Post.Single.class);
        assertThat(planner.plan(List.of(suppressed.get(0)), a -> "", a -> Optional.of(quiet)))
                .singleElement().isInstanceOf(Post.Summary.class);
    }

    @Test
    void failedSignInsAcrossManyUserNamesAreOneSummaryPerAccount() throws Exception {
        List<InboundMessage> spray = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode record = (ObjectNode) Rendering.MAPPER.readTree(AcceptanceData.text(FAILED_SIGN_IN));
            record.put("eventID", "spray-" + i);
            ((ObjectNode) record.get("userIdentity")).put("userName", "user-" + i)
                    .put("arn", "arn:aws:iam::123456789012:user/user-" + i);
            spray.add(Rendering.PARSER.parse(record).get(0));
        }

        List<Post> posts = plan(planner, alerts(spray));

        assertThat(posts).singleElement().isInstanceOf(Post.Summary.class);
        Post.Summary summary = (Post.Summary) posts.get(0);
        assertThat(summary.key().namesOneActor()).isFalse();
        Alert alert = new SummaryAlert(Rendering.SETTINGS, BurstPlanner.DEFAULT_THRESHOLD).of(summary);
        assertThat(alert.headline()).isEqualTo("6 console-sign-in events by 6 identities in 123456789012");
        assertThat(alert.fields()).anySatisfy(field -> assertThat(field.label() + ": " + field.value())
                .isEqualTo("Actors: user-0, user-1, user-2, user-3, user-4 and 1 more"));
        assertThat(alert.sections()).anySatisfy(section -> assertThat(section.lines())
                .anyMatch(line -> line.endsWith("ConsoleLogin by user-5")));
    }
}
