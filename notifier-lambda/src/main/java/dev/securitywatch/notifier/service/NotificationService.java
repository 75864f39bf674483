package dev.securitywatch.notifier.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.Post;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.notifier.dispatch.AlertRenderer;
import dev.securitywatch.notifier.health.Coverage;
import dev.securitywatch.notifier.health.CoverageJson;
import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.HeartbeatTracker;
import dev.securitywatch.notifier.health.PathState;
import dev.securitywatch.notifier.render.PlainText;
import dev.securitywatch.notifier.render.SlackLayout;
import dev.securitywatch.notifier.render.ThreadStatus;
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
import java.util.function.Supplier;

/**
 * Delivers a batch as the channel can read it: every event is rendered, claimed once per sink in the ledger, and
 * planned into posts ({@link BurstPlanner}: a big group of one actor's changes becomes one summary, CRITICAL events
 * always post on their own). With a bot token, posts also thread ({@link Threading}): later alerts about a resource
 * reply under its first alert and update its status line, and a summary's thread lists its events. A failed post
 * does not stop the others; the records it carried are named for a retry, and the ledger keeps that retry from
 * posting what already went out.
 */
public final class NotificationService {
    private static final ObjectMapper COVERAGE_JSON = new ObjectMapper();
    /** Below this, a post is not started: the invocation needs the rest to report its batch. */
    static final Duration MIN_TIME_FOR_A_POST = Duration.ofSeconds(3);

    private final AlertRenderer renderer;
    private final FirstSeen firstSeen;
    private final SlackLayout layout;
    private final DeliveryLedger ledger;
    private final AlertOutbox outbox;
    private final NotifierLog log;
    private final NoiseRules noise;
    private final SuppressionTally tally;
    private final BurstPlanner planner;
    private final SummaryAlert summaries;
    private final Threading threading;
    private final HeartbeatWatch heartbeats;
    private final Clock clock;

    public NotificationService(AlertRenderer renderer, SlackLayout layout, DeliveryLedger ledger, AlertOutbox outbox,
                               NotifierLog log, NoiseRules noise, SuppressionTally tally, BurstPlanner planner,
                               SummaryAlert summaries, Threading threading, HeartbeatWatch heartbeats,
                               FirstSeen firstSeen, Clock clock) {
        this.renderer = renderer;
        this.layout = layout;
        this.ledger = ledger;
        this.outbox = outbox;
        this.log = log;
        this.noise = noise;
        this.tally = tally;
        this.planner = planner;
        this.summaries = summaries;
        this.threading = threading;
        this.heartbeats = heartbeats;
        this.firstSeen = firstSeen;
        this.clock = clock;
    }

    /** Renders one message without delivering: SnapStart priming. */
    public OutboundMessage render(InboundMessage message) {
        return outbound(renderer.render(message).alert());
    }

    /**
     * The channel messages the Lambda would post for these messages arriving as one batch, without delivering,
     * claiming or threading anything: SnapStart priming runs the whole planning path with it. Muted and dropped
     * alerts are left out, downgraded and summary-only ones are shown, as the Lambda does.
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
        recordHeartbeats(batch);
        return batch.result();
    }

    /**
     * The scheduled heartbeat check: reports the member paths that went silent since the last check, in one health
     * message, and those that came back, in another. A path is marked reported only when its message reached every
     * sink; otherwise the failure fails the invocation and the retry reports it again (the same message, so the
     * sinks that had it post nothing).
     */
    public HeartbeatCheck checkHeartbeats(Deadline deadline) {
        Batch batch = new Batch();
        Instant now = clock.instant();
        List<PathState> paths;
        try {
            paths = heartbeats.store().all();
        } catch (HeartbeatStore.HeartbeatStoreUnavailableException e) {
            log.heartbeatStoreUnavailable(e.getMessage());
            batch.failures.add("heartbeat store unavailable: " + e.getMessage());
            return new HeartbeatCheck(batch.result(), 0, 0, 0);
        }
        HeartbeatTracker.Changes changes = heartbeats.tracker().check(paths, now);
        reportChanges(changes, now, deadline, batch);
        int silent = (int) paths.stream().filter(path -> heartbeats.tracker().isSilent(path, now)).count();
        long oldest = paths.stream().mapToLong(path -> Duration.between(path.lastHeartbeat(), now).toMinutes())
                .max().orElse(0);
        return new HeartbeatCheck(batch.result(), paths.size(), silent, oldest);
    }

    /**
     * The daily coverage run: the configured paths that never sent a heartbeat or are silent, and the security account
     * when it is not a member, the organization's accounts not enrolled and its enabled regions not watched (from the
     * membership watch's inventory), in one health message a day while a gap lasts; the whole map is kept as the
     * day's JSON report beside the inventory.
     */
    public BatchResult checkCoverage(Deadline deadline) {
        Batch batch = new Batch();
        Coverage.Configured configured = heartbeats.configured();
        if (configured.securityAccount().isEmpty() || configured.isEmpty()) {
            log.coverageSkipped("no member accounts configured (MEMBER_PATHS or STACKSET, SECURITY_ACCOUNT): nothing"
                    + " to check");
            return batch.result();
        }
        Instant now = clock.instant();
        List<PathState> latest;
        try {
            latest = heartbeats.store().all();
        } catch (HeartbeatStore.HeartbeatStoreUnavailableException e) {
            log.heartbeatStoreUnavailable(e.getMessage());
            batch.failures.add("heartbeat store unavailable: " + e.getMessage());
            return batch.result();
        }
        List<String> limits = new ArrayList<>();
        CoverageReports reports = heartbeats.reports();
        Optional<OrganizationInventory> inventory = Optional.empty();
        try {
            inventory = reports.inventory();
            if (inventory.isEmpty()) {
                limits.add("organization not read: no inventory at " + reports.inventoryLocation() + " yet; the"
                        + " membership watch writes it daily when hubMemberCheck.readOrganizations is true");
            }
        } catch (CoverageReports.CoverageReportsUnavailableException e) {
            limits.add("organization not read: " + e.getMessage());
        }
        Coverage coverage = Coverage.of(configured.securityAccount().get(), inventory, configured, latest,
                now, heartbeats.tracker().silentAfter(), limits);
        if (coverage.gaps() > 0) {
            Alert alert = heartbeats.coverageAlerts().of(coverage);
            for (String sink : sinks(batch).orElse(List.of())) {
                deliverTo(sink, Map.of(alert.dedupKey(), new Event(alert, Optional.empty())), deadline, batch);
            }
        }
        // Kept after the alert: a failed write fails the run, and the schedule's retry posts nothing twice.
        try {
            log.coverage(coverage.gaps(), coverage.limits(),
                    reports.save(now, CoverageJson.of(coverage, COVERAGE_JSON).toString()));
        } catch (CoverageReports.CoverageReportsUnavailableException e) {
            log.coverage(coverage.gaps(), coverage.limits(), "not kept: " + e.getMessage());
            batch.failures.add("coverage report not kept: " + e.getMessage());
        }
        return batch.result();
    }

    private void reportChanges(HeartbeatTracker.Changes changes, Instant now, Deadline deadline, Batch batch) {
        if (changes.isEmpty()) {
            return;
        }
        Optional<List<String>> sinks = sinks(batch);
        if (sinks.isEmpty()) {
            return;
        }
        if (!changes.newlySilent().isEmpty()) {
            report(heartbeats.alerts().silent(changes.newlySilent(), now), sinks.get(), deadline, batch,
                    () -> changes.newlySilent().forEach(path -> heartbeats.store().markSilent(path.path())));
        }
        if (!changes.recovered().isEmpty()) {
            report(heartbeats.alerts().recovered(changes.recovered(), now), sinks.get(), deadline, batch,
                    () -> changes.recovered().forEach(path -> heartbeats.store().markRecovered(path.path())));
        }
    }

    private void report(Alert alert, List<String> sinks, Deadline deadline, Batch batch, Runnable reported) {
        int failuresBefore = batch.failures.size();
        Event event = new Event(alert, Optional.empty());
        for (String sink : sinks) {
            deliverTo(sink, Map.of(alert.dedupKey(), event), deadline, batch);
        }
        if (event.delivered && batch.failures.size() == failuresBefore && batch.requeued == 0) {
            try {
                reported.run();
            } catch (HeartbeatStore.HeartbeatStoreUnavailableException e) {
                // Reported but not noted: the next check reports it again, which is better than never.
                log.heartbeatStoreUnavailable(e.getMessage());
            }
        }
    }

    /**
     * Keeps the batch's heartbeats, the newest per path. When the store cannot be written their records go back to
     * the queue: a lost heartbeat would read as a silent path.
     */
    private void recordHeartbeats(Batch batch) {
        if (batch.heartbeats.isEmpty()) {
            return;
        }
        try {
            heartbeats.store().record(batch.heartbeats.values());
            log.heartbeatsRecorded(batch.heartbeats.size());
        } catch (HeartbeatStore.HeartbeatStoreUnavailableException e) {
            log.heartbeatStoreUnavailable(e.getMessage());
            batch.failures.add("heartbeats not recorded: " + e.getMessage());
            batch.failedRecords.addAll(batch.heartbeatRecords);
        }
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
                Optional<Heartbeat> heartbeat = message instanceof EventEnvelope envelope ? Heartbeat.of(envelope)
                        : Optional.empty();
                if (heartbeat.isPresent()) {
                    // Proof that a member path is alive, for the tracker: never an alert.
                    batch.heartbeats.merge(Map.entry(heartbeat.get().path(), heartbeat.get().deployment()),
                            heartbeat.get(), (a, b) -> a.at().isAfter(b.at()) ? a : b);
                    batch.heartbeatRecords.add(record.id());
                    continue;
                }
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
                // Marked once per event, before it is claimed: a duplicate in the batch must not read as seen.
                Alert marked = events.containsKey(alert.dedupKey()) ? alert
                        : firstSeen.mark(alert, clock.instant(), log::firstSeenUnavailable);
                Event event = events.computeIfAbsent(marked.dedupKey(), key -> new Event(marked, verdict.summaryOnly()));
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

    private String route(Alert alert) {
        return outbox.route(alert);
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
        boolean threaded = outbox.threads(sink);
        // After every post of the batch is out (the channel first): one status update per thread that grew, then
        // the summaries' event listings.
        Map<String, Runnable> statusUpdates = new LinkedHashMap<>();
        List<Runnable> listings = new ArrayList<>();
        for (Post post : planner.plan(List.copyOf(claimed.keySet()), this::route,
                alert -> claimed.get(alert).event.summaryOnly)) {
            List<Claimed> members = post.alerts().stream().map(claimed::get).toList();
            if (!deadline.allows(MIN_TIME_FOR_A_POST)) {
                requeue(members, batch, "no time left in this invocation");
                continue;
            }
            if (threaded) {
                deliverThreaded(sink, post, members, deadline, batch, statusUpdates, listings);
            } else {
                OutboundMessage message = outbound(post);
                deliverPost(sink, message, members, batch, () -> outbox.deliver(sink, message, deadline));
            }
        }
        statusUpdates.values().forEach(Runnable::run);
        listings.forEach(Runnable::run);
    }

    /**
     * Bot-token mode: the post joins the open thread it belongs in (see {@link Threading}) or goes to the channel
     * and opens one; a summary's events are then listed in its thread.
     */
    private void deliverThreaded(String sink, Post post, List<Claimed> members, Deadline deadline, Batch batch,
                                 Map<String, Runnable> statusUpdates, List<Runnable> listings) {
        String route = route(post.alerts().get(0));
        Instant now = clock.instant();
        Optional<Threading.Target> open;
        try {
            open = threading.openFor(sink, post, route, now);
        } catch (ThreadStore.ThreadStoreUnavailableException e) {
            log.threadStoreUnavailable(post.alerts().get(0), e.getMessage());
            open = Optional.empty();
        }
        if (open.isPresent()) {
            joinThread(sink, post, open.get(), members, deadline, batch, statusUpdates);
            return;
        }
        OutboundMessage message = outbound(post);
        Optional<DeliveryReceipt> receipt = deliverPost(sink, message, members, batch,
                () -> outbox.deliver(sink, message, deadline));
        Optional<SlackMessageRef> parent = receipt.flatMap(DeliveryReceipt::message);
        if (parent.isEmpty()) {
            return;
        }
        ThreadStore.OpenThread thread = new ThreadStore.OpenThread(parent.get(), message.slack().json(), 0, now);
        threading.toOpen(sink, post, route, thread).ifPresent(target -> keep(target, message.alert(), now));
        if (post instanceof Post.Summary summary) {
            listings.add(() -> listInThread(sink, message.alert(), summary.members(), parent.get(), deadline));
        }
    }

    /**
     * Posts the post's alerts as replies in {@code target}'s thread, and plans the parent's new status line (the
     * last one planned for a thread is sent). When the parent is gone, the first alert goes to the channel instead
     * and the rest join its new thread.
     */
    private void joinThread(String sink, Post post, Threading.Target target, List<Claimed> members,
                            Deadline deadline, Batch batch, Map<String, Runnable> statusUpdates) {
        Map<Alert, Claimed> byAlert = new IdentityHashMap<>();
        members.forEach(member -> byAlert.put(member.event.alert, member));
        Threading.Target thread = target;
        int joined = 0;
        Alert latest = null;
        for (Reply reply : replies(post, target)) {
            List<Claimed> carried = reply.events().stream().map(byAlert::get).toList();
            if (!deadline.allows(MIN_TIME_FOR_A_POST)) {
                requeue(carried, batch, "no time left in this invocation");
                continue;
            }
            OutboundMessage message = outbound(reply.alert());
            Threading.Target into = thread;
            boolean[] gone = {false};
            Optional<DeliveryReceipt> receipt = deliverPost(sink, message, carried, batch, () -> {
                try {
                    return outbox.reply(sink, message, into.thread().parent(),
                            reply.single() && Threading.broadcast(reply.alert()), deadline);
                } catch (DeliveryException e) {
                    if (!e.targetGone()) {
                        throw e;
                    }
                    log.threadGone(reply.alert(), sink, e);
                    gone[0] = true;
                    return outbox.deliver(sink, message, deadline);
                }
            });
            if (receipt.isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            if (gone[0]) {
                Optional<SlackMessageRef> parent = receipt.get().message();
                if (parent.isPresent()) {
                    thread = new Threading.Target(thread.key(), new ThreadStore.OpenThread(parent.get(),
                            message.slack().json(), 0, now), thread.incident());
                    keep(thread, message.alert(), now);
                }
                joined = 0;
                latest = null;
                continue;
            }
            joined += reply.events().size();
            latest = reply.events().get(reply.events().size() - 1);
        }
        if (joined > 0) {
            Instant now = clock.instant();
            Threading.Target grown = new Threading.Target(thread.key(), thread.thread().withMoreReplies(joined),
                    thread.incident());
            keep(grown, latest, now);
            Alert newest = latest;
            statusUpdates.put(grown.key(), () -> updateStatus(sink, grown, newest, now, deadline));
        }
    }

    /** One reply: a whole alert, or a page listing many events of a group. */
    private record Reply(Alert alert, List<Alert> events, boolean single) {
    }

    private List<Reply> replies(Post post, Threading.Target target) {
        if (post instanceof Post.Single single) {
            return List.of(new Reply(single.alert(), List.of(single.alert()), true));
        }
        return summaries.pages(target.key(), post.alerts(), target.thread().replies(), -1).stream()
                .map(page -> new Reply(page.alert(), page.events(), false)).toList();
    }

    /** The parent, as first posted, with a line saying how many joined and the latest; best effort. */
    private void updateStatus(String sink, Threading.Target thread, Alert latest, Instant now, Deadline deadline) {
        if (!deadline.allows(MIN_TIME_FOR_A_POST)) {
            log.threadStatusNotUpdated(latest, sink, "no time left in this invocation");
            return;
        }
        try {
            SlackPayload parent = ThreadStatus.withStatus(thread.thread().parentJson(),
                    ThreadStatus.line(thread.thread().replies(), thread.incident(), latest, now));
            outbox.update(sink, outbound(latest), parent, thread.thread().parent(), deadline);
        } catch (DeliveryException | IllegalArgumentException e) {
            log.threadStatusNotUpdated(latest, sink, e.getMessage());
        }
    }

    private void keep(Threading.Target target, Alert alert, Instant now) {
        try {
            threading.keep(target, now);
        } catch (ThreadStore.ThreadStoreUnavailableException e) {
            log.threadStoreUnavailable(alert, e.getMessage());
        }
    }

    /**
     * Lists a summary's events in its thread, one line each, in as few replies as fit. Not a full message per event:
     * replies take the channel's pace like posts, and a burst's thread must not hold back the next batch's CRITICAL
     * alert (measured in bench/burst). The summary already represents the events (count, names, resources, the
     * Dashboards link), so a listing that cannot be posted is logged, not retried.
     */
    private void listInThread(String sink, Alert summary, List<Alert> members, SlackMessageRef parent,
                              Deadline deadline) {
        List<Reply> replies = summaries.pages(summary.dedupKey(), members, 0, members.size()).stream()
                .map(page -> new Reply(page.alert(), page.events(), false)).toList();
        int listed = 0;
        for (Reply reply : replies) {
            if (!deadline.allows(MIN_TIME_FOR_A_POST)) {
                log.threadEventsNotListed(summary, sink, members.size() - listed, "no time left in this invocation");
                return;
            }
            try {
                outbox.reply(sink, outbound(reply.alert()), parent, false, deadline);
                listed += reply.events().size();
            } catch (DeliveryException e) {
                log.threadEventsNotListed(summary, sink, members.size() - listed, e.getMessage());
                return;
            }
        }
    }

    /**
     * Sends one message that carries {@code members}: on delivery they are confirmed in the ledger; a throttled
     * message goes back to the queue, a failed one is reported for a retry.
     */
    private Optional<DeliveryReceipt> deliverPost(String sink, OutboundMessage message, List<Claimed> members,
                                                  Batch batch, Supplier<DeliveryReceipt> send) {
        try {
            DeliveryReceipt receipt = send.get();
            batch.posts++;
            batch.delivered += members.size();
            batch.throttled += receipt.throttled();
            batch.plainText += receipt.plainTextFallback() ? 1 : 0;
            log.delivered(message.alert(), sink, receipt);
            members.forEach(this::confirm);
            members.forEach(member -> member.event.delivered = true);
            return Optional.of(receipt);
        } catch (DeliveryException e) {
            batch.throttled += e.throttled();
            if (e.kind() == DeliveryException.Kind.THROTTLED) {
                log.throttledOut(message.alert(), sink, e);
                requeue(members, batch, e.getMessage());
                return Optional.empty();
            }
            log.failed(message.alert(), sink, e);
            for (Claimed member : members) {
                batch.failures.add(sink + " " + member.event.alert.dedupKey() + ": " + e.getMessage());
                batch.failedRecords.addAll(member.event.records);
                release(member);
            }
            return Optional.empty();
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
        /** The newest heartbeat per path and kind of member. */
        final Map<Map.Entry<Heartbeat.Path, MemberNames>, Heartbeat> heartbeats = new LinkedHashMap<>();
        final Set<String> heartbeatRecords = new LinkedHashSet<>();
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
