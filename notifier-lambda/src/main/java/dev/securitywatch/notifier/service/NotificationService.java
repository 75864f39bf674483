package dev.securitywatch.notifier.service;

import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.catalog.suppression.Suppressions;
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
import dev.securitywatch.notifier.suppress.NoiseRules;
import dev.securitywatch.notifier.suppress.SuppressionDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
    private final NoiseRules noise;
    private final SuppressionTally tally;
    private final BurstPlanner planner;
    private final SummaryAlert summaries;
    private final Clock clock;

    public NotificationService(AlertRenderer renderer, SlackLayout layout, DeliveryLedger ledger, AlertOutbox outbox,
                               NotifierLog log, NoiseRules noise, SuppressionTally tally, BurstPlanner planner,
                               SummaryAlert summaries, Clock clock) {
        this.renderer = renderer;
        this.layout = layout;
        this.ledger = ledger;
        this.outbox = outbox;
        this.log = log;
        this.noise = noise;
        this.tally = tally;
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
     * anything: what the CLI's {@code render} prints. Muted and dropped alerts are left out, downgraded and
     * summary-only ones are shown, as the Lambda does.
     */
    public List<OutboundMessage> preview(List<InboundMessage> messages) {
        Map<Alert, NoiseRules.Verdict> verdicts = new IdentityHashMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (InboundMessage message : messages) {
            NoiseRules.Verdict verdict = noise.judge(renderer.render(message).alert(), clock.instant());
            if (verdict.posted()) {
                verdicts.put(verdict.alert(), verdict);
                alerts.add(verdict.alert());
            }
        }
        return planner.plan(alerts, this::route, alert -> verdicts.get(alert).summaryOnly()).stream()
                .map(this::outbound).toList();
    }

    public BatchResult handle(List<DeliveredRecord> records, Deadline deadline) {
        Batch batch = new Batch();
        Optional<List<String>> sinks = sinks(batch);
        if (sinks.isEmpty()) {
            // Every record goes back to the queue.
            records.forEach(r -> batch.failedRecords.add(r.id()));
            return batch.result();
        }
        Map<String, Event> events = render(records, batch);
        for (String sink : sinks.get()) {
            deliverTo(sink, events, deadline, batch);
        }
        countHidden(batch, events);
        return batch.result();
    }

    /**
     * Posts the weekly digest of the suppressions (see {@link SuppressionDigest}) for the last whole week, once per
     * week and sink: a repeated schedule finds it delivered. With no suppressions configured there is nothing to
     * report and nothing is posted.
     */
    public BatchResult digest(Deadline deadline) {
        Batch batch = new Batch();
        Suppressions suppressions = noise.suppressions();
        if (suppressions.isEmpty()) {
            log.digestSkipped("no suppressions configured (alerts.suppress), no digest to post");
            return batch.result();
        }
        Instant now = clock.instant();
        String week = Weeks.lastComplete(now);
        Map<String, Optional<Map<String, Integer>>> hidden = new LinkedHashMap<>();
        for (Suppression entry : suppressions.entries()) {
            try {
                hidden.put(entry.id(), Optional.of(tally.hidden(entry.id(), week)));
            } catch (SuppressionTally.TallyUnavailableException e) {
                log.tallyUnavailable(e.getMessage());
                hidden.put(entry.id(), Optional.empty());
            }
        }
        Event digest = new Event(SuppressionDigest.of(suppressions, hidden, week, now), Optional.empty());
        for (String sink : sinks(batch).orElse(List.of())) {
            deliverTo(sink, Map.of(digest.alert.dedupKey(), digest), deadline, batch);
        }
        return batch.result();
    }

    /** The sinks configured now; empty, with the failure recorded, when they cannot be known (usually the secret). */
    private Optional<List<String>> sinks(Batch batch) {
        try {
            return Optional.of(outbox.sinks());
        } catch (RuntimeException e) {
            log.configurationError("no sink available, nothing delivered: " + e.getMessage());
            batch.failures.add("no sink available: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One event per dedup key: the same event arriving twice in a batch is claimed and posted once. */
    private Map<String, Event> render(List<DeliveredRecord> records, Batch batch) {
        Map<String, Event> events = new LinkedHashMap<>();
        for (DeliveredRecord record : records) {
            for (InboundMessage message : record.messages()) {
                batch.events++;
                AlertRenderer.Rendered rendered = renderer.render(message);
                if (rendered.fallbackReason().isPresent()) {
                    batch.fallback++;
                    log.fallback(rendered.alert(), rendered.fallbackReason().get(), raw(message));
                }
                NoiseRules.Verdict verdict = noise.judge(rendered.alert(), clock.instant());
                Alert alert = verdict.alert();
                verdict.by().ifPresent(by -> batch.hide(alert, by, record.id()));
                verdict.expired().filter(expired -> batch.expiredReported.add(expired.id()))
                        .ifPresent(expired -> log.suppressionExpired(alert, expired));
                if (verdict.outcome() == NoiseRules.Outcome.MUTED) {
                    batch.muted++;
                    log.muted(alert);
                    continue;
                }
                if (verdict.outcome() == NoiseRules.Outcome.DROPPED) {
                    batch.suppressed++;
                    log.suppressed(alert, verdict.by().orElseThrow());
                    continue;
                }
                Event event = events.computeIfAbsent(alert.dedupKey(), key -> new Event(alert, verdict.summaryOnly()));
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

    /**
     * Adds what the suppressions hid to the weekly tally, once per event: a summary-only or downgraded event when
     * this batch delivered it (a duplicate was counted by the batch that delivered it), a dropped one unless its
     * record goes back to the queue (the redelivery counts it). Best effort: a tally that cannot be written is logged
     * and never holds an alert back.
     */
    private void countHidden(Batch batch, Map<String, Event> events) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Hidden> entry : batch.hidden.entrySet()) {
            Hidden hidden = entry.getValue();
            Event posted = events.get(entry.getKey());
            if (posted != null ? posted.delivered : !batch.failedRecords.containsAll(hidden.records)) {
                counts.computeIfAbsent(hidden.suppressionId, id -> new LinkedHashMap<>())
                        .merge(hidden.eventName, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        try {
            tally.add(counts, clock.instant());
        } catch (SuppressionTally.TallyUnavailableException e) {
            log.tallyUnavailable(e.getMessage());
        }
    }

    private void deliverTo(String sink, Map<String, Event> events, Deadline deadline, Batch batch) {
        Map<Alert, Claimed> claimed = new LinkedHashMap<>();
        for (Event event : events.values()) {
            claim(sink, event, batch).ifPresent(held -> claimed.put(event.alert, held));
        }
        for (Post post : planner.plan(List.copyOf(claimed.keySet()), this::route,
                alert -> claimed.get(alert).event.summaryOnly)) {
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
                members.forEach(member -> member.event.delivered = true);
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
        final Optional<Suppression> summaryOnly;
        final Set<String> records = new LinkedHashSet<>();
        boolean delivered;

        Event(Alert alert, Optional<Suppression> summaryOnly) {
            this.alert = alert;
            this.summaryOnly = summaryOnly;
        }
    }

    /** One distinct event a suppression covered, for the tally. */
    private static final class Hidden {
        final String suppressionId;
        final String eventName;
        final Set<String> records = new LinkedHashSet<>();

        Hidden(String suppressionId, String eventName) {
            this.suppressionId = suppressionId;
            this.eventName = eventName;
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
        int suppressed;
        int fallback;
        int throttled;
        int plainText;
        int requeued;
        final List<String> failures = new ArrayList<>();
        final Set<String> failedRecords = new LinkedHashSet<>();
        final Map<String, Hidden> hidden = new LinkedHashMap<>();
        /** Expired suppressions already named in this batch's log: once each is enough. */
        final Set<String> expiredReported = new LinkedHashSet<>();

        void hide(Alert alert, Suppression by, String recordId) {
            hidden.computeIfAbsent(alert.dedupKey(), key -> new Hidden(by.id(), alert.subject().action()))
                    .records.add(recordId);
        }

        BatchResult result() {
            // A transport without record ids (a CLI file) has nothing to name for a retry.
            return new BatchResult(events, posts, delivered, duplicates, muted, suppressed, fallback, throttled,
                    plainText, requeued, failures, failedRecords.stream().filter(Objects::nonNull).toList());
        }
    }
}
