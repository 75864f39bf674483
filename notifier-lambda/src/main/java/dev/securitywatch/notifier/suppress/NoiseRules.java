package dev.securitywatch.notifier.suppress;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.catalog.suppression.SuppressionSubject;
import dev.securitywatch.catalog.suppression.Suppressions;
import dev.securitywatch.notifier.alert.Alert;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the team decided is noise: this project's own remediation ({@code MUTE_AUTOMATION}) and the
 * {@code alerts.suppress} entries. A CRITICAL alert is never muted, and never suppressed unless the entry says so.
 */
public final class NoiseRules {
    public static final NoiseRules NONE = new NoiseRules(false, Suppressions.NONE);

    private final boolean muteAutomation;
    private final Suppressions suppressions;

    public NoiseRules(boolean muteAutomation, Suppressions suppressions) {
        this.muteAutomation = muteAutomation;
        this.suppressions = suppressions;
    }

    /** What becomes of one alert. */
    public enum Outcome { POST, MUTED, DROPPED, SUMMARY_ONLY, DOWNGRADED }

    /**
     * @param alert   the alert to post: the original, or a downgraded copy
     * @param by      the suppression that decided it, for every outcome but {@code POST} and {@code MUTED}
     * @param expired for {@code POST}: an expired suppression that would have covered the alert, so the log can say
     *                why this kind of alert is back
     */
    public record Verdict(Outcome outcome, Alert alert, Optional<Suppression> by, Optional<Suppression> expired) {
        public Verdict {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(expired, "expired");
        }

        Verdict(Outcome outcome, Alert alert, Optional<Suppression> by) {
            this(outcome, alert, by, Optional.empty());
        }

        /** Whether the alert reaches the channel at all, on its own or in a summary. */
        public boolean posted() {
            return outcome != Outcome.MUTED && outcome != Outcome.DROPPED;
        }

        /** The suppression that keeps this alert inside a summary, whatever its group's size. */
        public Optional<Suppression> summaryOnly() {
            return outcome == Outcome.SUMMARY_ONLY ? by : Optional.empty();
        }
    }

    public Verdict judge(Alert alert, Instant now) {
        if (muteAutomation && alert.automation() && alert.severity() != Severity.CRITICAL) {
            return new Verdict(Outcome.MUTED, alert, Optional.empty());
        }
        SuppressionSubject subject = subject(alert);
        Optional<Suppression> covering = suppressions.covering(subject, now);
        if (covering.isEmpty()) {
            return new Verdict(Outcome.POST, alert, Optional.empty(), suppressions.expiredCovering(subject, now));
        }
        Suppression by = covering.get();
        return switch (by.action()) {
            case DROP -> new Verdict(Outcome.DROPPED, alert, covering);
            case SUMMARY_ONLY -> new Verdict(Outcome.SUMMARY_ONLY, alert, covering);
            case DOWNGRADE -> new Verdict(Outcome.DOWNGRADED, downgrade(alert, by), covering);
        };
    }

    public Suppressions suppressions() {
        return suppressions;
    }

    /** One step down: CRITICAL (only with includeCritical) to HIGH, HIGH to MEDIUM, MEDIUM to LOW; LOW stays. */
    private static Alert downgrade(Alert alert, Suppression by) {
        Severity from = alert.severity();
        Severity to = from == Severity.LOW ? Severity.LOW : Severity.values()[from.ordinal() + 1];
        return alert.downgradedTo(to, "⬇ " + (from == to ? "Kept at " + to : "Lowered from " + from + " to " + to)
                + " by suppression " + by.id() + ": " + by.reason() + " (owner " + by.owner() + ", until "
                + by.expires() + ")");
    }

    static SuppressionSubject subject(Alert alert) {
        return new SuppressionSubject(alert.accountId() == null ? "" : alert.accountId(), alert.subject().actor(),
                alert.subject().action(), alert.category(), alert.region() == null ? "" : alert.region(),
                alert.severity());
    }
}
