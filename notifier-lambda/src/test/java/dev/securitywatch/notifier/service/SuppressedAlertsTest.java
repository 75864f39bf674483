package dev.securitywatch.notifier.service;

import static dev.securitywatch.notifier.support.SuppressionLists.TEST_ADMIN;
import static dev.securitywatch.notifier.support.SuppressionLists.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.dedup.InMemoryHeartbeatStore;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.support.Bursts;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.notifier.support.SuppressionLists;
import dev.securitywatch.notifier.suppress.NoiseRules;
import dev.securitywatch.lambdakit.testing.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suppressions in the delivery path: what is posted, what is counted for the digest, and the digest itself. */
class SuppressedAlertsTest {
    private static final String SG_BY_TESTADMIN = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final String SSH_WORLD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json";
    /** Wednesday of ISO week 2026-W49. */
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final String BY_TESTADMIN = "{'actorArn': '" + TEST_ADMIN + "'}";

    private final NotificationServiceTest.RecordingOutbox outbox = new NotificationServiceTest.RecordingOutbox();
    private final InMemorySuppressionTally tally = new InMemorySuppressionTally();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    private NotificationService service(String... entries) {
        return service(Clock.fixed(NOW, ZoneOffset.UTC), SuppressionTallies.failing(tally, false), entries);
    }

    private NotificationService service(Clock clock, SuppressionTally tally, String... entries) {
        Suppressions list = SuppressionLists.of("[" + String.join(", ", entries) + "]");
        return new NotificationService(Rendering.RENDERER, Rendering.LAYOUT, ledger, outbox, new NotifierLog(),
                new NoiseRules(false, list), tally, new BurstPlanner(BurstPlanner.DEFAULT_THRESHOLD),
                new SummaryAlert(Rendering.SETTINGS, BurstPlanner.DEFAULT_THRESHOLD),
                Rendering.threading(), Rendering.heartbeats(new InMemoryHeartbeatStore()), Rendering.firstSeenOff(),
                clock);
    }

    private static List<InboundMessage> burst(int count) {
        List<InboundMessage> messages = new ArrayList<>(Bursts.variants(SG_BY_TESTADMIN, count));
        messages.add(Rendering.parse(AcceptanceData.text(SSH_WORLD)).get(0));
        return messages;
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void droppedAlertsAreNotPostedNotRetriedAndCountedPerEventNameForTheWeek() {
        BatchResult result = service(entry("terraform", BY_TESTADMIN, "drop"))
                .handle(Bursts.records("m", burst(5)), deadline());

        assertThat(result.suppressed()).isEqualTo(5);
        assertThat(result.retryRecords()).isEmpty();
        assertThat(outbox.posted).as("only the CRITICAL event by another role").singleElement()
                .satisfies(post -> assertThat(post.alert().severity().name()).isEqualTo("CRITICAL"));
        assertThat(tally.hidden("terraform", "2026-W49")).isEqualTo(Map.of("AuthorizeSecurityGroupIngress", 5));
        assertThat(logs.withMessage("suppressed: dropped by terraform (platform pipeline, owner platform@example.com,"
                + " until 2099-12-31)")).hasSize(5);
    }

    @Test
    void summaryOnlyAlertsArriveAsOneSummaryThatSaysWhoQuietedThemEvenBelowTheThreshold() {
        service(entry("terraform", BY_TESTADMIN, "summary-only")).handle(Bursts.records("m", burst(2)), deadline());

        assertThat(outbox.posted).hasSize(2);
        OutboundMessage summary = outbox.posted.get(1);
        assertThat(summary.alert().title()).isEqualTo("Summary of 2 events");
        assertThat(summary.slack().json()).contains("Summary only, by suppression terraform: platform pipeline"
                + " (owner platform@example.com, until 2099-12-31)");
        assertThat(tally.hidden("terraform", "2026-W49")).isEqualTo(Map.of("AuthorizeSecurityGroupIngress", 2));
    }

    @Test
    void downgradedAlertsPostOneSeverityLowerAndSaySo() {
        service(entry("terraform", BY_TESTADMIN, "downgrade")).handle(Bursts.records("m", burst(1)), deadline());

        OutboundMessage downgraded = outbox.posted.stream()
                .filter(post -> post.alert().subject().actor().orElse("").equals(TEST_ADMIN)).findFirst().orElseThrow();
        assertThat(downgraded.alert().severity().name()).isEqualTo("LOW");
        assertThat(downgraded.slack().json()).contains("Lowered from MEDIUM to LOW by suppression terraform");
    }

    @Test
    void aHiddenEventIsCountedOnceWhenItsRecordIsRedeliveredOrItsPostIsADuplicate() {
        NotificationService service = service(entry("drop-one", "{'eventNames': ['AuthorizeSecurityGroupIngress'],"
                + " 'regions': ['us-west-2']}", "drop"));
        List<InboundMessage> events = Bursts.variants(SG_BY_TESTADMIN, 2);
        // A record carrying a dropped event and a posted one: when the post fails, the record comes back whole.
        DeliveredRecord mixed = new DeliveredRecord("mixed", java.util.Optional.empty(),
                List.of(events.get(0), Rendering.parse(AcceptanceData.text(SSH_WORLD)).get(0)));
        outbox.failures.add(new DeliveryException(DeliveryException.Kind.EXHAUSTED, "http_503", 5, 0, "503"));

        assertThat(service.handle(List.of(mixed), deadline()).retryRecords()).containsExactly("mixed");
        assertThat(tally.hidden("drop-one", "2026-W49")).as("counted when the redelivery is done").isEmpty();

        service.handle(List.of(mixed), deadline());
        assertThat(tally.hidden("drop-one", "2026-W49")).containsEntry("AuthorizeSecurityGroupIngress", 1);

        NotificationService summaries = service(entry("quiet", BY_TESTADMIN, "summary-only"));
        summaries.handle(Bursts.records("s", List.of(events.get(1))), deadline());
        summaries.handle(Bursts.records("dup", List.of(events.get(1))), deadline());
        assertThat(tally.hidden("quiet", "2026-W49")).as("the duplicate was counted by the batch that posted it")
                .containsEntry("AuthorizeSecurityGroupIngress", 1);
    }

    @Test
    void aTallyThatCannotBeWrittenNeverHoldsAnAlertBack() {
        NotificationService service = service(Clock.fixed(NOW, ZoneOffset.UTC), SuppressionTallies.failing(tally, true),
                entry("terraform", BY_TESTADMIN, "drop"));

        BatchResult result = service.handle(Bursts.records("m", burst(3)), deadline());

        assertThat(result.retryRecords()).isEmpty();
        assertThat(outbox.posted).hasSize(1);
        assertThat(logs.text()).contains("suppression tally unavailable");
    }

    @Test
    void anExpiredSuppressionStopsApplyingAndTheLogSaysWhyTheAlertsAreBackOncePerBatch() {
        service(entry("terraform", BY_TESTADMIN, "drop").replace("2099-12-31", "2026-11-30"))
                .handle(Bursts.records("m", burst(4)), deadline());

        assertThat(outbox.posted).hasSize(2);
        assertThat(logs.withMessage("suppression terraform expired on 2026-11-30 and no longer applies: alerts it"
                + " covered are posted again; renew or remove it in alerts.suppress (owner platform@example.com)"))
                .hasSize(1);
    }

    @Test
    void theDigestReportsLastWeeksCountsAndPostsOncePerWeek() {
        // Counted in week 2026-W48, reported by the digest that runs in 2026-W49.
        tally.add(Map.of("terraform", Map.of("AuthorizeSecurityGroupIngress", 40, "CreateTags", 2)),
                Instant.parse("2026-11-25T10:00:00Z"));
        NotificationService service = service(entry("terraform", BY_TESTADMIN, "drop"),
                entry("ended", "{'eventNames': ['CreateVpc']}", "downgrade").replace("2099-12-31", "2026-11-01"));

        BatchResult first = service.digest(deadline());
        BatchResult again = service.digest(deadline());

        assertThat(first.posts()).isEqualTo(1);
        assertThat(again.posts()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        OutboundMessage digest = outbox.posted.get(0);
        assertThat(digest.alert().headline()).isEqualTo("Suppressions hid 42 events last week (2026-W48)");
        assertThat(digest.slack().json()).contains("AuthorizeSecurityGroupIngress × 40, CreateTags × 2",
                "EXPIRED on 2026-11-01", "remove them from alerts.suppress");
    }

    @Test
    void aDigestWithoutAReadableSecretFailsSoTheInvocationIsRetried() {
        outbox.sinksFailure = new SecretFormatException("cannot read secret arn:aws:secretsmanager:x: AccessDeniedException");

        BatchResult result = service(entry("terraform", BY_TESTADMIN, "drop")).digest(deadline());

        assertThat(result.failed()).isTrue();
        assertThat(result.posts()).isZero();
        assertThat(logs.text()).contains("no sink available, nothing delivered: cannot read secret");
    }

    @Test
    void withNoSuppressionsThereIsNoDigest() {
        BatchResult result = service().digest(deadline());

        assertThat(result.posts()).isZero();
        assertThat(outbox.posted).isEmpty();
    }

    @Test
    void aDigestWhoseCountsCannotBeReadSaysSoInsteadOfClaimingZero() {
        NotificationService service = service(Clock.fixed(NOW, ZoneOffset.UTC), SuppressionTallies.failing(tally, true),
                entry("terraform", BY_TESTADMIN, "drop"));

        service.digest(deadline());

        assertThat(outbox.posted.get(0).alert().headline())
                .isEqualTo("Suppressions last week (2026-W48): counts unavailable");
    }

    /** A tally that fails every call when asked to, as DynamoDB would when throttled or unreachable. */
    static final class SuppressionTallies {
        private SuppressionTallies() {
        }

        static SuppressionTally failing(SuppressionTally real, boolean fail) {
            return new SuppressionTally() {
                @Override
                public void add(Map<String, Map<String, Integer>> hidden, Instant now) {
                    if (fail) {
                        throw new TallyUnavailableException("add to the suppression tally failed: ThrottlingException");
                    }
                    real.add(hidden, now);
                }

                @Override
                public Map<String, Integer> hidden(String suppressionId, String week) {
                    if (fail) {
                        throw new TallyUnavailableException("read the suppression tally failed: ThrottlingException");
                    }
                    return real.hidden(suppressionId, week);
                }
            };
        }
    }
}
