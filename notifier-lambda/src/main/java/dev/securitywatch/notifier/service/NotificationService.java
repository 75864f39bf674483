package dev.securitywatch.notifier.service;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.Post;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.notifier.dispatch.AlertRenderer;
import dev.securitywatch.notifier.render.PlainText;
import dev.securitywatch.notifier.render.SlackLayout;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers a batch as the channel can read it: every event is rendered, claimed once per sink in the ledger, and
 * planned into posts ({@link BurstPlanner}: a big group of one actor's changes becomes one summary, CRITICAL events
 * always post on their own). A failed post does not stop the others; the records it carried are named for a retry,
 * and the ledger keeps that retry from posting what already went out.
 */
public final class NotificationService {
    /** Below this, a post is not started: the invocation needs the rest to report its batch. */
    static final Duration MIN_TIME_FOR_A_POST = Duration.ofSeconds(3);

    private final AlertRenderer renderer;
    private final SlackLayout layout;
    private final DeliveryLedger ledger;
    private final AlertOutbox outbox;
    private final NotifierLog log;
    private final boolean muteAutomation;
    private final BurstPlanner planner;
    private final SummaryAlert summaries;
    private final Clock clock;

    public NotificationService(AlertRenderer renderer, SlackLayout layout, DeliveryLedger ledger, AlertOutbox outbox,
                               NotifierLog log, boolean muteAutomation, BurstPlanner planner, SummaryAlert summaries,
                               Clock clock) {
        this.renderer = renderer;
        this.layout = layout;
        this.ledger = ledger;
        this.outbox = outbox;
        this.log = log;
        this.muteAutomation = muteAutomation;
        this.planner = planner;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** Renders one message without delivering: SnapStart priming. */
    public OutboundMessage render(InboundMessage message) {
        return outbound(renderer.render(message).alert());
    }

    /**
     * The messages the Lambda would post for these messages arriving as one batch, without delivering or claiming
     * anything: what the CLI's {@code render} prints. Muted alerts are left out as the Lambda leaves them out.
     */
    public List<OutboundMessage> preview(List<InboundMessage> messages) {
        List<Alert> alerts = new ArrayList<>();
        for (InboundMessage message : messages) {
            Alert alert = renderer.render(message).alert();
            if (!muted(alert)) {
                alerts.add(alert);
            }
        }
        return planner.plan(alerts, this::route).stream().map(this::outbound).toList();
    }

    public BatchResult handle(List<DeliveredRecord> records, Deadline deadline) {
        Batch batch = new Batch();
        List<String> sinks;
        try {
            sinks = outbox.sinks();
        } catch (RuntimeException e) {
            // Usually the Slack secret: every record goes back to the queue.
            log.configurationError("no sink available, nothing delivered: " + e.getMessage());
            records.forEach(r -> batch.failedRecords.add(r.id()));
            batch.failures.add("no sink available: " + e.getMessage());
            return batch.result();
        }
        Map<String, Event> events = render(records, batch);
        for (String sink : sinks) {
            deliverTo(sink, events, deadline, batch);
        }
        return batch.result();
    }

    /** One event per dedup key: the same event arriving twice in a batch is claimed and posted once. */
    private Map<String, Event> render(List<DeliveredRecord> records, Batch batch) {
        Map<String, Event> events = new LinkedHashMap<>();
        for (DeliveredRecord record : records) {
            for (InboundMessage message : record.messages()) {
                batch.events++;
                AlertRenderer.Rendered rendered = renderer.render(message);
                Alert alert = rendered.alert();
                if (rendered.fallbackReason().isPresent()) {
                    batch.fallback++;
                    log.fallback(alert, rendered.fallbackReason().get(), raw(message));
                }
                if (muted(alert)) {
                    batch.muted++;
                    log.muted(alert);
                    continue;
                }
                Event event = events.computeIfAbsent(alert.dedupKey(), key -> new Event(alert));
                if (event.records.contains(record.id())) {
                    continue;
                }
                if (!event.records.isEmpty()) {
                    batch.duplicates++;
                }
                event.records.add(record.id());
            }
        }
        return events;
    }

    /** The CLI's {@code render} previews with no outbox: everything then goes one way. */
    private String route(Alert alert) {
        return outbox == null ? "" : outbox.route(alert);
    }

    /** Only this project's own remediation is muted, and never a CRITICAL alert. */
    private boolean muted(Alert alert) {
        return muteAutomation && alert.automation() && alert.severity() != Severity.CRITICAL;
    }

    private void deliverTo(String sink, Map<String, Event> events, Deadline deadline, Batch batch) {
        Map<Alert, Claimed> claimed = new LinkedHashMap<>();
        for (Event event : events.values()) {
            claim(sink, event, batch).ifPresent(held -> claimed.put(event.alert, held));
        }
        for (Post post : planner.plan(List.copyOf(claimed.keySet()), this::route)) {
            List<Claimed> members = post.alerts().stream().map(claimed::get).toList();
            if (!deadline.allows(MIN_TIME_FOR_A_POST)) {
                requeue(members, batch, "no time left in this invocation");
                continue;
            }
            OutboundMessage message = outbound(post);
            try {
                DeliveryReceipt receipt = outbox.deliver(sink, message, deadline);
                batch.posts++;
                batch.delivered += members.size();
                batch.throttled += receipt.throttled();
                batch.plainText += receipt.plainTextFallback() ? 1 : 0;
                log.delivered(message.alert(), sink, receipt);
                members.forEach(this::confirm);
            } catch (DeliveryException e) {
                batch.throttled += e.throttled();
                if (e.kind() == DeliveryException.Kind.THROTTLED) {
                    log.throttledOut(message.alert(), sink, e);
                    requeue(members, batch, e.getMessage());
                    continue;
                }
                log.failed(message.alert(), sink, e);
                for (Claimed member : members) {
                    batch.failures.add(sink + " " + member.event.alert.dedupKey() + ": " + e.getMessage());
                    batch.failedRecords.addAll(member.event.records);
                    release(member);
                }
            }
        }
    }

    /** An event this invocation may deliver to the sink; empty when it is a duplicate or someone else holds it. */
    private Optional<Claimed> claim(String sink, Event event, Batch batch) {
        Alert alert = event.alert;
        String key = sink + "#" + alert.dedupKey();
        try {
            DeliveryLedger.Claim claim = ledger.claim(key, clock.instant());
            if (claim == DeliveryLedger.Claim.ALREADY_DELIVERED) {
                batch.duplicates++;
                log.duplicate(alert, sink);
                return Optional.empty();
            }
            if (claim == DeliveryLedger.Claim.IN_PROGRESS) {
                // Another invocation is posting it, or crashed mid-way: back to the queue, not an error. The
                // redelivery finds it delivered, or the lease expired and delivers it.
                batch.requeued++;
                batch.failedRecords.addAll(event.records);
                log.inProgress(alert, sink);
                return Optional.empty();
            }
            return Optional.of(new Claimed(event, key, true));
        } catch (DeliveryLedger.LedgerUnavailableException e) {
            // A duplicate is better than a lost alert.
            log.ledgerUnavailable(alert, e.getMessage());
            return Optional.of(new Claimed(event, key, false));
        }
    }

    private void requeue(List<Claimed> members, Batch batch, String why) {
        for (Claimed member : members) {
            batch.requeued++;
            batch.failedRecords.addAll(member.event.records);
            log.requeued(member.event.alert, why);
            release(member);
        }
    }

    private void confirm(Claimed member) {
        if (!member.ledgerHeld) {
            return;
        }
        try {
            ledger.confirm(member.key, clock.instant());
        } catch (DeliveryLedger.LedgerUnavailableException e) {
            log.ledgerUnavailable(member.event.alert, e.getMessage());
        }
    }

    private void release(Claimed member) {
        if (!member.ledgerHeld) {
            return;
        }
        try {
            ledger.release(member.key);
        } catch (DeliveryLedger.LedgerUnavailableException e) {
            // The claim expires on its own; the retry waits for that lease at worst.
            log.ledgerUnavailable(member.event.alert, e.getMessage());
        }
    }

    private OutboundMessage outbound(Post post) {
        return post instanceof Post.Summary summary ? outbound(summaries.of(summary))
                : outbound(((Post.Single) post).alert());
    }

    private OutboundMessage outbound(Alert alert) {
        return new OutboundMessage(alert, layout.layout(alert), PlainText.title(alert), PlainText.body(alert));
    }

    private static String raw(InboundMessage message) {
        return message instanceof UnreadableMessage unreadable ? unreadable.raw()
                : ((EventEnvelope) message).json().toString();
    }

    /** One distinct event of the batch and the records that carried it. */
    private static final class Event {
        final Alert alert;
        final Set<String> records = new LinkedHashSet<>();

        Event(Alert alert) {
            this.alert = alert;
        }
    }

    private record Claimed(Event event, String key, boolean ledgerHeld) {
    }

    private static final class Batch {
        int events;
        int posts;
        int delivered;
        int duplicates;
        int muted;
        int fallback;
        int throttled;
        int plainText;
        int requeued;
        final List<String> failures = new ArrayList<>();
        final Set<String> failedRecords = new LinkedHashSet<>();

        BatchResult result() {
            // A transport without record ids (a CLI file) has nothing to name for a retry.
            return new BatchResult(events, posts, delivered, duplicates, muted, fallback, throttled, plainText,
                    requeued, failures, failedRecords.stream().filter(Objects::nonNull).toList());
        }
    }
}
