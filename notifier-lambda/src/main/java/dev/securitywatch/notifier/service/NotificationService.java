package dev.securitywatch.notifier.service;

import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.dispatch.AlertRenderer;
import dev.securitywatch.notifier.render.PlainText;
import dev.securitywatch.notifier.render.SlackLayout;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders each message of a batch and delivers it once to every sink. A failed message does not stop the others;
 * the batch then reports failure so the invocation fails and Lambda retries, and the ledger keeps the retry from
 * sending what already went out.
 */
public final class NotificationService {
    private final AlertRenderer renderer;
    private final SlackLayout layout;
    private final DeliveryLedger ledger;
    private final AlertOutbox outbox;
    private final NotifierLog log;
    private final boolean muteAutomation;
    private final Clock clock;

    public NotificationService(AlertRenderer renderer, SlackLayout layout, DeliveryLedger ledger, AlertOutbox outbox,
                               NotifierLog log, boolean muteAutomation, Clock clock) {
        this.renderer = renderer;
        this.layout = layout;
        this.ledger = ledger;
        this.outbox = outbox;
        this.log = log;
        this.muteAutomation = muteAutomation;
        this.clock = clock;
    }

    /** Renders without delivering: what the CLI's {@code render} and SnapStart priming use. */
    public OutboundMessage render(InboundMessage message) {
        return outbound(renderer.render(message).alert());
    }

    public BatchResult handle(List<InboundMessage> messages, Deadline deadline) {
        Counts counts = new Counts();
        List<String> sinks;
        try {
            sinks = outbox.sinks();
        } catch (RuntimeException e) {
            // Usually the Slack secret: failing the invocation keeps every message for the retry.
            log.configurationError("no sink available, nothing delivered: " + e.getMessage());
            throw e;
        }
        for (InboundMessage message : messages) {
            AlertRenderer.Rendered rendered = renderer.render(message);
            Alert alert = rendered.alert();
            if (rendered.fallbackReason().isPresent()) {
                counts.fallback++;
                log.fallback(alert, rendered.fallbackReason().get(), raw(message));
            }
            if (alert.automation() && muteAutomation) {
                counts.muted++;
                log.muted(alert);
                continue;
            }
            OutboundMessage outbound = outbound(alert);
            for (String sink : sinks) {
                deliverOnce(sink, outbound, deadline, counts);
            }
        }
        return new BatchResult(messages.size(), counts.delivered, counts.duplicates, counts.muted, counts.fallback,
                counts.throttled, counts.plainText, counts.failures);
    }

    private void deliverOnce(String sink, OutboundMessage message, Deadline deadline, Counts counts) {
        Alert alert = message.alert();
        String key = sink + "#" + alert.dedupKey();
        boolean ledgerHeld;
        try {
            DeliveryLedger.Claim claim = ledger.claim(key, clock.instant());
            if (claim == DeliveryLedger.Claim.ALREADY_DELIVERED) {
                counts.duplicates++;
                log.duplicate(alert, sink);
                return;
            }
            if (claim == DeliveryLedger.Claim.IN_PROGRESS) {
                // Maybe a crashed delivery: fail, so the retry after the lease delivers it if nobody did.
                counts.failures.add(sink + " " + alert.dedupKey() + ": another delivery holds the claim");
                log.inProgress(alert, sink);
                return;
            }
            ledgerHeld = true;
        } catch (DeliveryLedger.LedgerUnavailableException e) {
            // A duplicate is better than a lost alert.
            log.ledgerUnavailable(alert, e.getMessage());
            ledgerHeld = false;
        }
        try {
            DeliveryReceipt receipt = outbox.deliver(sink, message, deadline);
            counts.delivered++;
            counts.throttled += receipt.throttled();
            counts.plainText += receipt.plainTextFallback() ? 1 : 0;
            log.delivered(alert, sink, receipt);
            if (ledgerHeld) {
                confirm(key, alert);
            }
        } catch (DeliveryException e) {
            counts.throttled += e.throttled();
            counts.failures.add(sink + " " + alert.dedupKey() + ": " + e.getMessage());
            log.failed(alert, sink, e);
            if (ledgerHeld) {
                release(key, alert);
            }
        }
    }

    private void confirm(String key, Alert alert) {
        try {
            ledger.confirm(key, clock.instant());
        } catch (DeliveryLedger.LedgerUnavailableException e) {
            log.ledgerUnavailable(alert, e.getMessage());
        }
    }

    private void release(String key, Alert alert) {
        try {
            ledger.release(key);
        } catch (DeliveryLedger.LedgerUnavailableException e) {
            // The claim expires on its own; the retry waits for that lease at worst.
            log.ledgerUnavailable(alert, e.getMessage());
        }
    }

    private OutboundMessage outbound(Alert alert) {
        return new OutboundMessage(alert, layout.layout(alert), PlainText.title(alert), PlainText.body(alert));
    }

    private static String raw(InboundMessage message) {
        return message instanceof UnreadableMessage unreadable ? unreadable.raw()
                : ((EventEnvelope) message).json().toString();
    }

    private static final class Counts {
        int delivered;
        int duplicates;
        int muted;
        int fallback;
        int throttled;
        int plainText;
        final List<String> failures = new ArrayList<>();
    }
}
