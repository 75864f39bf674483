package dev.securitywatch.notifier.dispatch;

import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import dev.securitywatch.notifier.render.FallbackRenderer;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.cloudtrail.CloudTrailRenderer;
import dev.securitywatch.notifier.cloudtrail.ShareScope;
import dev.securitywatch.notifier.finding.GuardDutyRenderer;
import dev.securitywatch.notifier.health.AlarmRenderer;
import dev.securitywatch.notifier.finding.SecurityHubRenderer;
import dev.securitywatch.notifier.remediation.RemediationRenderer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns any inbound message into an {@link Alert}. It never throws: a renderer that fails on an odd event yields the
 * fallback message, with the reason kept for the log.
 */
public final class AlertRenderer {

    /** @param fallbackReason why the fallback was used; empty when a specific renderer handled the message */
    public record Rendered(Alert alert, Optional<String> fallbackReason) {
    }

    private final CatalogMatcher matcher;
    private final CloudTrailRenderer cloudTrail;
    private final GuardDutyRenderer guardDuty;
    private final SecurityHubRenderer securityHub;
    private final RemediationRenderer remediation;
    private final AlarmRenderer alarms;
    private final FallbackRenderer fallback;

    /**
     * @param shareScope where a snapshot or image share stays inside, asked only when a call shares one
     * @param stackSet   where the StackSet's remediation role is automation, asked only for that role's events
     */
    public AlertRenderer(CatalogMatcher matcher, RenderSettings settings, Supplier<ShareScope> shareScope,
                         StackSetInstances stackSet) {
        this.matcher = matcher;
        this.cloudTrail = new CloudTrailRenderer(settings, shareScope, stackSet);
        this.guardDuty = new GuardDutyRenderer(settings);
        this.securityHub = new SecurityHubRenderer(settings);
        this.remediation = new RemediationRenderer(settings);
        this.alarms = new AlarmRenderer(settings);
        this.fallback = new FallbackRenderer(settings);
    }

    public Rendered render(InboundMessage message) {
        if (message instanceof UnreadableMessage unreadable) {
            return new Rendered(fallback.unreadable(unreadable), Optional.of(unreadable.reason()));
        }
        EventEnvelope envelope = (EventEnvelope) message;
        Rendered rendered = renderEnvelope(envelope);
        return contradiction(envelope).map(warning -> new Rendered(rendered.alert().withWarning(
                "⚠ The event contradicts where it came from", warning), rendered.fallbackReason())).orElse(rendered);
    }

    /**
     * An event whose payload names another account or region than the envelope it arrived in: shown as arrived
     * (the envelope is what EventBridge vouches for), and flagged, since a forged event would look exactly so.
     * Findings are exempt: a delegated administrator's copy is about another account by design.
     */
    private static Optional<String> contradiction(EventEnvelope envelope) {
        if (GuardDutyRenderer.handles(envelope) || SecurityHubRenderer.handles(envelope)) {
            return Optional.empty();
        }
        // The claimed values are not repeated: they are the sender's text, and the envelope's are what is shown.
        List<String> fields = envelope.origin().mismatches().stream().map(m -> m.field())
                .filter(field -> field.equals("account") || field.equals("region")).distinct().toList();
        return fields.isEmpty() ? Optional.empty() : Optional.of("Its content names another " + String.join(" and ",
                fields) + " than the one it arrived from. It is shown as it arrived; a forged event would look like"
                + " this: check who can put events in that account.");
    }

    private Rendered renderEnvelope(EventEnvelope envelope) {
        Optional<CatalogEntry> entry;
        try {
            entry = matcher.primaryEntry(envelope);
        } catch (RuntimeException e) {
            return failed(envelope, "classification failed (" + e.getClass().getSimpleName() + ")", Optional.empty());
        }
        Optional<String> category = entry.map(CatalogEntry::category).map(c -> c.id());
        try {
            if (RemediationRenderer.handles(envelope)) {
                return new Rendered(remediation.render(envelope), Optional.empty());
            }
            if (AlarmRenderer.handles(envelope)) {
                return new Rendered(alarms.render(envelope), Optional.empty());
            }
            if (GuardDutyRenderer.handles(envelope)) {
                return new Rendered(guardDuty.render(envelope), Optional.empty());
            }
            if (SecurityHubRenderer.handles(envelope)) {
                return new Rendered(securityHub.render(envelope), Optional.empty());
            }
            Optional<CloudTrailEvent> event = envelope.cloudTrailEvent();
            if (event.isPresent()) {
                return new Rendered(cloudTrail.render(envelope, event.get(), entry), Optional.empty());
            }
            return failed(envelope, "no renderer for " + envelope.source() + " \"" + envelope.detailType() + "\"",
                    category);
        } catch (RuntimeException e) {
            return failed(envelope, "rendering failed (" + e.getClass().getSimpleName() + ")", category);
        }
    }

    private Rendered failed(EventEnvelope envelope, String reason, Optional<String> category) {
        try {
            return new Rendered(fallback.unrecognised(envelope, reason, category), Optional.of(reason));
        } catch (RuntimeException e) {
            // Last resort: the raw-text fallback reads nothing from the event, so it cannot fail on it.
            return new Rendered(fallback.unreadable(new UnreadableMessage(envelope.json().toString(), reason)),
                    Optional.of(reason));
        }
    }
}
