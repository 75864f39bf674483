package dev.securitywatch.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.support.Rendering;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.secret.SecretFormatException;
import dev.securitywatch.lambdakit.testing.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** Records what would be sent; scripted failures per call. */
    static final class RecordingOutbox implements AlertOutbox {
        final List<String> sent = new ArrayList<>();
        final Deque<DeliveryException> failures = new ArrayDeque<>();
        List<String> sinks = List.of("slack");

        @Override
        public List<String> sinks() {
            return sinks;
        }

        @Override
        public DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline) {
            DeliveryException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            sent.add(sink + ":" + message.alert().dedupKey());
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
        return new NotificationService(Rendering.RENDERER, Rendering.LAYOUT, ledger, outbox, new NotifierLog(),
                muteAutomation, Clock.systemUTC());
    }

    private static List<InboundMessage> messages(String... paths) {
        List<InboundMessage> all = new ArrayList<>();
        for (String path : paths) {
            all.addAll(Rendering.parse(AcceptanceData.text(path)));
        }
        return all;
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    /** The real log lines, in the Powertools JSON layout. */
    private String log() {
        return logs.text();
    }

    @Test
    void deliversEachMessageOnce() {
        BatchResult result = service(false, ledger).handle(messages(SG_EVENT, ADMIN_EVENT, SG_EVENT), deadline());

        assertThat(result.delivered()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.failed()).isFalse();
        assertThat(outbox.sent).hasSize(2);
        assertThat(log()).contains("\"message\":\"delivered\"", "\"message\":\"duplicate: already delivered");
    }

    @Test
    void aFailedMessageFailsTheBatchAndItsRetrySendsOnlyWhatIsMissing() {
        outbox.failures.add(new DeliveryException(DeliveryException.Kind.EXHAUSTED, "http_503", 5, 0,
                "delivery to Slack webhook failed after 5 attempt(s): all attempts failed (last error: http_503)"));
        NotificationService service = service(false, ledger);

        BatchResult first = service.handle(messages(SG_EVENT, ADMIN_EVENT), deadline());
        assertThat(first.failed()).isTrue();
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.failures()).singleElement().asString().contains("http_503");

        BatchResult retry = service.handle(messages(SG_EVENT, ADMIN_EVENT), deadline());
        assertThat(retry.failed()).isFalse();
        assertThat(retry.delivered()).isEqualTo(1);
        assertThat(retry.duplicates()).isEqualTo(1);
        assertThat(outbox.sent).hasSize(2).doesNotHaveDuplicates();
        assertThat(log()).contains("\"level\":\"ERROR\"", "\"errorCode\":\"http_503\"");
    }

    @Test
    void automationIsMutedWhenConfiguredAndMarkedOtherwise() throws IOException {
        List<InboundMessage> automation = Rendering.parse(fixture("revoke-by-remediation-role.json"));

        BatchResult muted = service(true, new InMemoryDeliveryLedger()).handle(automation, deadline());
        assertThat(muted.muted()).isEqualTo(1);
        assertThat(outbox.sent).isEmpty();
        assertThat(log()).contains("muted: change made by Security Watch remediation");

        BatchResult shown = service(false, new InMemoryDeliveryLedger()).handle(automation, deadline());
        assertThat(shown.delivered()).isEqualTo(1);
    }

    @Test
    void unreadableMessagesAreDeliveredAsFallbackAndLoggedWhole() {
        BatchResult result = service(false, ledger).handle(Rendering.parse("not json <!channel>"), deadline());

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

        BatchResult result = service(false, down).handle(messages(SG_EVENT), deadline());

        assertThat(result.delivered()).isEqualTo(1);
        assertThat(log()).contains("dedup ledger unavailable, delivering without it");
    }

    @Test
    void everySinkIsDeliveredAndDeduplicatedOnItsOwn() {
        outbox.sinks = List.of("slack", "chatwork");
        NotificationService service = service(false, ledger);
        String key = service.render(messages(SG_EVENT).get(0)).alert().dedupKey();

        service.handle(messages(SG_EVENT), deadline());
        BatchResult again = service.handle(messages(SG_EVENT), deadline());

        assertThat(outbox.sent).containsExactly("slack:" + key, "chatwork:" + key);
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void aClaimHeldByAnotherDeliveryFailsTheBatchInsteadOfDroppingTheMessage() {
        NotificationService service = service(false, ledger);
        String key = "slack#" + service.render(messages(SG_EVENT).get(0)).alert().dedupKey();
        ledger.claim(key, Instant.now());

        BatchResult result = service.handle(messages(SG_EVENT), deadline());

        assertThat(result.failed()).isTrue();
        assertThat(result.duplicates()).isZero();
        assertThat(outbox.sent).isEmpty();
        assertThat(log()).contains("another delivery holds the claim");
    }

    @Test
    void anUnreadableSecretFailsTheWholeBatchWithAClearLogLine() {
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
        NotificationService service = new NotificationService(Rendering.RENDERER, Rendering.LAYOUT, ledger, noSecret,
                new NotifierLog(), false, Clock.systemUTC());

        assertThatThrownBy(() -> service.handle(messages(SG_EVENT), deadline()))
                .isInstanceOf(SecretFormatException.class);
        assertThat(log()).contains("\"level\":\"ERROR\"", "no sink available, nothing delivered: cannot read secret");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = NotificationServiceTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
