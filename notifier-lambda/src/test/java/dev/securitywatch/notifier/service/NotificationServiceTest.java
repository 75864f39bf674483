package dev.securitywatch.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.notifier.support.Bursts;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.dedup.InMemoryHeartbeatStore;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.suppress.NoiseRules;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.lambdakit.testing.LogCapture;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {
    private static final String SG_EVENT = "sns/derived/sns-eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final String ADMIN_EVENT = "sns/derived/sns-eb-iam-AttachUserPolicy-IAMUser-stratus-1.json";
    private static final String FINDING = "guardduty/gd-eb-UnauthorizedAccess-IAMUser-TorIPCaller-c7n-1.json";
    private static final String SG_CORPUS_RECORD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json";
    private static final String SSH_WORLD = "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json";

    /** Records what would be sent; scripted failures per call. */
    static final class RecordingOutbox implements AlertOutbox {
        final List<String> sent = new ArrayList<>();
        final List<OutboundMessage> posted = new ArrayList<>();
        final Deque<DeliveryException> failures = new ArrayDeque<>();
        List<String> sinks = List.of("slack");
        RuntimeException sinksFailure;

        @Override
        public List<String> sinks() {
            if (sinksFailure != null) {
                throw sinksFailure;
            }
            return sinks;
        }

        @Override
        public DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline) {
            DeliveryException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            sent.add(sink + ":" + message.alert().dedupKey());
            posted.add(message);
            return new DeliveryReceipt(sink, 1, 0, false);
        }
    }

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final DeliveryLedger ledger = new InMemoryDeliveryLedger();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    private NotificationService service(boolean muteAutomation, DeliveryLedger ledger) {
        return service(muteAutomation, ledger, outbox);
    }

    private static NotificationService service(boolean muteAutomation, DeliveryLedger ledger, AlertOutbox outbox) {
        return new NotificationService(Rendering.RENDERER, Rendering.LAYOUT, ledger, outbox, new NotifierLog(),
                new NoiseRules(muteAutomation, Suppressions.NONE), new InMemorySuppressionTally(),
                new BurstPlanner(BurstPlanner.DEFAULT_THRESHOLD),
                new SummaryAlert(Rendering.SETTINGS, BurstPlanner.DEFAULT_THRESHOLD),
                Rendering.threading(), Rendering.heartbeats(new InMemoryHeartbeatStore()), Rendering.firstSeenOff(),
                Clock.systemUTC());
    }

    /** One record per corpus path, ids r0, r1, ... */
    private static List<DeliveredRecord> records(String... paths) {
        List<InboundMessage> all = new ArrayList<>();
        for (String path : paths) {
            all.addAll(Rendering.parse(AcceptanceData.text(path)));
        }
        return Bursts.records("r", all);
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    private static DeliveryException exhausted() {
        return new DeliveryException(DeliveryException.Kind.EXHAUSTED, "http_503", 5, 0,
                "delivery to Slack webhook failed after 5 attempt(s): all attempts failed (last error: http_503)");
    }

    /** The real log lines, in the Powertools JSON layout. */
    private String log() {
        return logs.text();
    }

    @Test
    void theSameEventInTwoRecordsOfABatchPostsOnceAndBothRecordsSucceed() {
        BatchResult result = service(false, ledger).handle(records(SG_EVENT, ADMIN_EVENT, SG_EVENT), deadline());

        assertThat(result.events()).isEqualTo(3);
        assertThat(result.posts()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.retryRecords()).isEmpty();
        assertThat(outbox.sent).hasSize(2);
        assertThat(log()).contains("\"message\":\"delivered\"");
    }

    @Test
    void aFailedPostNamesExactlyItsRecordForRetryAndTheRetrySendsOnlyWhatIsMissing() {
        outbox.failures.add(exhausted());
        NotificationService service = service(false, ledger);

        // The AdministratorAccess attachment is CRITICAL, so it is posted first, and fails.
        BatchResult first = service.handle(records(SG_EVENT, ADMIN_EVENT), deadline());
        assertThat(first.retryRecords()).containsExactly("r-1");
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.failures()).singleElement().asString().contains("http_503");

        BatchResult retry = service.handle(records(SG_EVENT, ADMIN_EVENT), deadline());
        assertThat(retry.retryRecords()).isEmpty();
        assertThat(retry.delivered()).isEqualTo(1);
        assertThat(retry.duplicates()).isEqualTo(1);
        assertThat(outbox.sent).hasSize(2).doesNotHaveDuplicates();
        assertThat(log()).contains("\"level\":\"ERROR\"", "\"errorCode\":\"http_503\"");
    }

    @Test
    void theSameEventInTwoBatchesPostsOnce() {
        NotificationService service = service(false, ledger);

        service.handle(Bursts.records("first", Rendering.parse(AcceptanceData.text(SG_EVENT))), deadline());
        BatchResult second = service.handle(Bursts.records("second", Rendering.parse(AcceptanceData.text(SG_EVENT))),
                deadline());

        assertThat(outbox.sent).hasSize(1);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(second.retryRecords()).isEmpty();
    }

    @Test
    void anArchiveReplayAfterAnOutagePostsOnlyWhatWasNotPostedBefore() throws Exception {
        NotificationService service = service(false, ledger);
        // Before the outage: the security-group change and the finding were posted.
        service.handle(records(SG_EVENT, FINDING), deadline());
        assertThat(outbox.sent).hasSize(2);

        // The replay re-sends the window's events as EventBridge replays them: the same ids, a replay-name added.
        List<InboundMessage> replayed = new ArrayList<>();
        for (String path : List.of(SG_EVENT, FINDING, ADMIN_EVENT)) {
            ObjectNode envelope = (ObjectNode) ((EventEnvelope) Rendering.parse(AcceptanceData.text(path)).get(0))
                    .json().deepCopy();
            envelope.put("replay-name", "security-watch-outage-2026-12-04");
            replayed.addAll(Rendering.PARSER.parse(envelope));
        }
        BatchResult replay = service.handle(Bursts.records("replay", replayed), deadline());

        assertThat(replay.duplicates()).as("posted before the outage").isEqualTo(2);
        assertThat(replay.delivered()).as("missed during the outage").isEqualTo(1);
        assertThat(outbox.sent).hasSize(3);
    }

    @Test
    void aRedrivenRecordThatHadFailedPostsExactlyOnceAndOneThatWasDeliveredPostsNothing() {
        NotificationService service = service(false, ledger);
        outbox.failures.add(exhausted());
        BatchResult failed = service.handle(records(SG_EVENT), deadline());
        assertThat(failed.retryRecords()).containsExactly("r-0");

        // A message move task puts the dead-lettered message back on the queue: the same body, a new message id.
        BatchResult redriven = service.handle(Bursts.records("redriven", Rendering.parse(AcceptanceData.text(SG_EVENT))),
                deadline());
        BatchResult redrivenAgain = service.handle(Bursts.records("again",
                Rendering.parse(AcceptanceData.text(SG_EVENT))), deadline());

        assertThat(redriven.delivered()).isEqualTo(1);
        assertThat(redrivenAgain.duplicates()).isEqualTo(1);
        assertThat(outbox.sent).hasSize(1);
    }

    @Test
    void aClaimHeldByAnotherInvocationRequeuesTheRecordWithoutAnError() {
        NotificationService service = service(false, ledger);
        String key = "slack#" + service.render(Rendering.parse(AcceptanceData.text(SG_EVENT)).get(0)).alert()
                .dedupKey();
        ledger.claim(key, Instant.now());

        BatchResult result = service.handle(records(SG_EVENT, ADMIN_EVENT), deadline());

        assertThat(result.failed()).isFalse();
        assertThat(result.requeued()).isEqualTo(1);
        assertThat(result.retryRecords()).containsExactly("r-0");
        assertThat(outbox.sent).hasSize(1);
        assertThat(log()).contains("requeued: another delivery holds the claim").doesNotContain("\"level\":\"ERROR\"");
    }

    @Test
    void aBurstOfOneActorBecomesOneSummaryThatDeliversEveryMember() {
        List<DeliveredRecord> burst = Bursts.records("b", Bursts.variants(SG_CORPUS_RECORD, 12));

        BatchResult result = service(false, ledger).handle(burst, deadline());

        assertThat(result.events()).isEqualTo(12);
        assertThat(result.posts()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(12);
        assertThat(result.retryRecords()).isEmpty();
        assertThat(outbox.posted).singleElement().satisfies(summary -> assertThat(summary.slack().text())
                .contains("12 security-group events by TestAdmin (assumed role)"));
        BatchResult redelivered = service(false, ledger).handle(burst.subList(3, 5), deadline());
        assertThat(redelivered.duplicates()).isEqualTo(2);
        assertThat(outbox.posted).hasSize(1);
    }

    @Test
    void aSmallGroupStillPostsOneMessageEach() {
        BatchResult result = service(false, ledger).handle(
                Bursts.records("b", Bursts.variants(SG_CORPUS_RECORD, BurstPlanner.DEFAULT_THRESHOLD)), deadline());

        assertThat(result.posts()).isEqualTo(BurstPlanner.DEFAULT_THRESHOLD);
    }

    @Test
    void aFailedSummaryRetriesEveryRecordItCarried() {
        outbox.failures.add(exhausted());
        List<DeliveredRecord> burst = Bursts.records("b", Bursts.variants(SG_CORPUS_RECORD, 5));

        BatchResult result = service(false, ledger).handle(burst, deadline());

        assertThat(result.retryRecords()).containsExactly("b-0", "b-1", "b-2", "b-3", "b-4");
        assertThat(result.failures()).hasSize(5);
    }

    @Test
    void slacksPaceRunningPastTheDeadlineRequeuesWithoutAnError() {
        outbox.failures.add(new DeliveryException(DeliveryException.Kind.THROTTLED, "rate_limited", 0, 4,
                "delivery to Slack webhook postponed after 4 rate limit(s): Slack asked to wait 30 s"));

        BatchResult result = service(false, ledger).handle(records(SG_EVENT, ADMIN_EVENT), deadline());

        assertThat(result.failed()).isFalse();
        assertThat(result.requeued()).isEqualTo(1);
        assertThat(result.retryRecords()).as("the CRITICAL one goes first").containsExactly("r-1");
        assertThat(result.delivered()).isEqualTo(1);
    }

    @Test
    void noPostStartsWithTooLittleTimeLeftAndTheRecordsGoBackToTheQueue() {
        BatchResult result = service(false, ledger).handle(records(SG_EVENT, ADMIN_EVENT),
                Deadline.after(Duration.ofSeconds(1)));

        assertThat(result.posts()).isZero();
        assertThat(result.requeued()).isEqualTo(2);
        assertThat(result.retryRecords()).containsExactlyInAnyOrder("r-0", "r-1");
        assertThat(outbox.sent).isEmpty();
    }

    @Test
    void automationIsMutedWhenConfiguredAndMarkedOtherwise() throws IOException {
        List<DeliveredRecord> automation = Bursts.records("a", Rendering.parse(Rendering.fixture("revoke-by-remediation-role.json")));

        BatchResult muted = service(true, new InMemoryDeliveryLedger()).handle(automation, deadline());
        assertThat(muted.muted()).isEqualTo(1);
        assertThat(outbox.sent).isEmpty();
        assertThat(log()).contains("muted: change made by Security Watch remediation");

        BatchResult shown = service(false, new InMemoryDeliveryLedger()).handle(automation, deadline());
        assertThat(shown.delivered()).isEqualTo(1);
    }

    @Test
    void aCriticalChangeIsNeverMutedEvenWhenTheRemediationRoleMadeIt() throws IOException {
        ObjectNode record = (ObjectNode) Rendering.MAPPER.readTree(AcceptanceData.text(SSH_WORLD));
        ObjectNode identity = (ObjectNode) record.path("userIdentity");
        identity.put("arn", "arn:aws:sts::112233445566:assumed-role/security-watch-remediation-us-east-1/s");
        ((ObjectNode) identity.path("sessionContext").path("sessionIssuer"))
                .put("userName", "security-watch-remediation-us-east-1");

        BatchResult result = service(true, ledger).handle(Bursts.records("c", Rendering.PARSER.parse(record)),
                deadline());

        assertThat(result.muted()).isZero();
        assertThat(outbox.posted).singleElement().satisfies(message -> {
            assertThat(message.alert().automation()).isTrue();
            assertThat(message.alert().severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void unreadableMessagesAreDeliveredAsFallbackAndLoggedWhole() {
        BatchResult result = service(false, ledger).handle(Bursts.records("u", Rendering.parse("not json <!channel>")),
                deadline());

        assertThat(result.fallback()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(log()).contains("rendered as fallback: not JSON", "\"raw\":\"not json <!channel>\"");
    }

    @Test
    void anUnavailableLedgerStillDelivers() {
        DeliveryLedger down = new DeliveryLedger() {
            @Override
            public Claim claim(String key, Instant now) {
                throw new LedgerUnavailableException("claim on table t failed: ProvisionedThroughputExceededException");
            }

            @Override
            public void confirm(String key, Instant now) {
                throw new AssertionError("not claimed");
            }

            @Override
            public void release(String key) {
                throw new AssertionError("not claimed");
            }
        };

        BatchResult result = service(false, down).handle(records(SG_EVENT), deadline());

        assertThat(result.delivered()).isEqualTo(1);
        assertThat(log()).contains("dedup ledger unavailable, delivering without it");
    }

    @Test
    void everySinkIsDeliveredAndDeduplicatedOnItsOwn() {
        outbox.sinks = List.of("slack", "chatwork");
        NotificationService service = service(false, ledger);
        String key = service.render(Rendering.parse(AcceptanceData.text(SG_EVENT)).get(0)).alert().dedupKey();

        service.handle(records(SG_EVENT), deadline());
        BatchResult again = service.handle(records(SG_EVENT), deadline());

        assertThat(outbox.sent).containsExactly("slack:" + key, "chatwork:" + key);
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void anUnreadableSecretSendsEveryRecordBackWithAClearLogLine() {
        AlertOutbox noSecret = new AlertOutbox() {
            @Override
            public List<String> sinks() {
                throw new SecretFormatException("cannot read secret arn:aws:secretsmanager:x: AccessDeniedException");
            }

            @Override
            public DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline) {
                throw new AssertionError("no sink");
            }
        };

        BatchResult result = service(false, ledger, noSecret).handle(records(SG_EVENT, ADMIN_EVENT), deadline());

        assertThat(result.retryRecords()).containsExactly("r-0", "r-1");
        assertThat(result.failed()).isTrue();
        assertThat(log()).contains("\"level\":\"ERROR\"", "no sink available, nothing delivered: cannot read secret");
    }

}
