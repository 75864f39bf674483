package dev.securitywatch.notifier.service;

import static dev.securitywatch.lambdakit.telemetry.LogFields.field;

import dev.securitywatch.chat.delivery.DeliveryException;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.notifier.alert.Alert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One structured log line per outcome, through SLF4J in the Powertools Logging layout (the invocation's keys come
 * from lambda-kit's {@code Invocation}), plus the event's keys: {@code eventKey}, {@code severity}, {@code kind},
 * {@code headline}, {@code account}, {@code region}. Secrets never reach it: delivery errors carry only codes and
 * destination names.
 */
public final class NotifierLog {
    /** Raw content of unreadable messages is logged up to this size, so nothing is lost silently. */
    static final int MAX_RAW_LOGGED = 64_000;

    /** Obtained at the first line: the CLI's {@code render}, which logs nothing, never starts Log4j. */
    private static final class Lazy {
        static final Logger LOG = LoggerFactory.getLogger(NotifierLog.class);
    }

    void delivered(Alert alert, String sink, DeliveryReceipt receipt) {
        Object[] keys = keys(alert, field("sink", sink), field("destination", receipt.destination()),
                field("attempts", receipt.attempts()), field("throttled", receipt.throttled()),
                field("plainTextFallback", receipt.plainTextFallback()));
        if (receipt.plainTextFallback()) {
            log(Level.WARN, "delivered as plain text: Slack refused the blocks", keys);
        } else {
            log(Level.INFO, "delivered", keys);
        }
    }

    void duplicate(Alert alert, String sink) {
        log(Level.INFO, "duplicate: already delivered, not sent again", keys(alert, field("sink", sink)));
    }

    void inProgress(Alert alert, String sink) {
        log(Level.INFO, "requeued: another delivery holds the claim; the queue redelivers it, and that finds it"
                + " delivered or, after the lease, delivers it", keys(alert, field("sink", sink)));
    }

    void requeued(Alert alert, String why) {
        log(Level.INFO, "requeued: " + why, keys(alert));
    }

    void throttledOut(Alert alert, String sink, DeliveryException e) {
        log(Level.WARN, "requeued: " + e.getMessage(), keys(alert, field("sink", sink),
                field("throttled", e.throttled())));
    }

    void muted(Alert alert) {
        log(Level.INFO, "muted: change made by Security Watch remediation (MUTE_AUTOMATION)", keys(alert));
    }

    void suppressed(Alert alert, Suppression by) {
        log(Level.INFO, "suppressed: dropped by " + by.id() + " (" + by.reason() + ", owner " + by.owner()
                + ", until " + by.expires() + ")", keys(alert, field("suppression", by.id())));
    }

    void suppressionExpired(Alert alert, Suppression expired) {
        log(Level.WARN, "suppression " + expired.id() + " expired on " + expired.expires() + " and no longer applies:"
                + " alerts it covered are posted again; renew or remove it in alerts.suppress (owner "
                + expired.owner() + ")", keys(alert, field("suppression", expired.id())));
    }

    void digestSkipped(String why) {
        log(Level.INFO, why, new Object[0]);
    }

    void tallyUnavailable(String reason) {
        log(Level.WARN, "suppression tally unavailable, the digest's counts may be low: " + reason, new Object[0]);
    }

    void fallback(Alert alert, String reason, String raw) {
        log(Level.WARN, "rendered as fallback: " + reason, keys(alert,
                field("raw", raw.length() <= MAX_RAW_LOGGED ? raw : raw.substring(0, MAX_RAW_LOGGED))));
    }

    void failed(Alert alert, String sink, DeliveryException e) {
        log(Level.ERROR, e.getMessage(), keys(alert, field("sink", sink), field("errorCode", e.errorCode()),
                field("failure", e.kind().name()), field("attempts", e.attempts()),
                field("throttled", e.throttled())));
    }

    void ledgerUnavailable(Alert alert, String reason) {
        log(Level.WARN, "dedup ledger unavailable, delivering without it: " + reason, keys(alert));
    }

    void threadStoreUnavailable(Alert alert, String reason) {
        log(Level.WARN, "thread store unavailable, posting in the channel instead of a thread: " + reason,
                keys(alert));
    }

    void threadGone(Alert alert, String sink, DeliveryException e) {
        log(Level.INFO, "the thread's parent is gone (" + e.errorCode() + "), posted in the channel and opened a new"
                + " thread", keys(alert, field("sink", sink)));
    }

    void threadStatusNotUpdated(Alert alert, String sink, String why) {
        log(Level.WARN, "the thread's parent keeps its old status line: " + why, keys(alert, field("sink", sink)));
    }

    void threadEventsNotListed(Alert summary, String sink, int events, String why) {
        log(Level.WARN, events + " event(s) of the summary were not listed in its thread; the summary counts them"
                + " and Dashboards has every one: " + why, keys(summary, field("sink", sink),
                field("unlisted", events)));
    }

    void coverageSkipped(String why) {
        log(Level.INFO, why, new Object[0]);
    }

    /** The day's coverage in one line: the gaps, what was not checked, and where the whole report is. */
    void coverage(int gaps, List<String> limits, String report) {
        log(gaps == 0 ? Level.INFO : Level.WARN, "coverage: " + gaps + " gap(s)", new Object[] {
                field("gaps", gaps), field("limits", limits), field("report", report)});
    }

    void heartbeatsRecorded(int paths) {
        log(Level.INFO, "heartbeats recorded", new Object[] {field("paths", paths)});
    }

    void firstSeenUnavailable(String reason) {
        log(Level.WARN, "first-seen store unavailable, alert posted without the badge: " + reason, new Object[0]);
    }

    void heartbeatStoreUnavailable(String reason) {
        log(Level.WARN, "heartbeat store unavailable: " + reason, new Object[0]);
    }

    void organizationInventoryUsed(String inventory) {
        log(Level.INFO, "organization inventory used (its active accounts count as inside for shares, the remediation"
                + " role of its StackSet instances as automation): " + inventory, new Object[0]);
    }

    /** @param missing none was written: expected with {@code hubMemberCheck.readOrganizations} off */
    void organizationInventoryNotUsed(String why, boolean missing) {
        log(missing ? Level.INFO : Level.WARN, "organization inventory not used (only member accounts and"
                + " alerts.organizationAccounts count as inside for shares, only memberAccounts' remediation roles as"
                + " automation): " + why, new Object[0]);
    }

    void configurationError(String message) {
        log(Level.ERROR, message, new Object[0]);
    }

    private static Object[] keys(Alert alert, Object... outcome) {
        List<Object> keys = new ArrayList<>(List.of(field("eventKey", alert.dedupKey()),
                field("severity", alert.severity().name()), field("kind", alert.kind().name()),
                field("headline", alert.headline())));
        if (alert.accountId() != null) {
            keys.add(field("account", alert.accountId()));
        }
        if (alert.region() != null) {
            keys.add(field("region", alert.region()));
        }
        keys.addAll(Arrays.asList(outcome));
        return keys.toArray();
    }

    /** The message is an argument, never the format: text from events may hold "{}". */
    private static void log(Level level, String message, Object[] keys) {
        Object[] arguments = new Object[keys.length + 1];
        arguments[0] = message;
        System.arraycopy(keys, 0, arguments, 1, keys.length);
        Lazy.LOG.atLevel(level).log("{}", arguments);
    }
}
