package dev.securitywatch.notifier.health;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.alert.DedupKeys;
import dev.securitywatch.notifier.render.Links;
import dev.securitywatch.notifier.render.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline's own alarms ({@code aws.cloudwatch} "CloudWatch Alarm State Change", from a member region's
 * forwarding path or wrapped from the central health topic's SNS notification): what broke, where, since when, and
 * the first thing to check (the alarm's description). CloudWatch sends one event per state change, so a failure is
 * one message and its recovery another; with a bot token the recovery replies in the failure's thread.
 */
public final class AlarmRenderer {
    private final RenderSettings settings;

    public AlarmRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public static boolean handles(EventEnvelope envelope) {
        return EventEnvelope.CLOUDWATCH_SOURCE.equals(envelope.source())
                && EventEnvelope.ALARM_STATE_CHANGE.equals(envelope.detailType()) && envelope.detail().isObject();
    }

    public Alert render(EventEnvelope envelope) {
        JsonNode detail = envelope.detail();
        String name = firstNonNull(text(detail, "alarmName"), "unnamed alarm");
        String state = firstNonNull(text(detail.path("state"), "value"), "UNKNOWN");
        String previous = firstNonNull(text(detail.path("previousState"), "value"), "unknown");
        String since = text(detail.path("state"), "timestamp");
        String account = envelope.origin().account();
        String region = envelope.origin().region();

        Severity severity;
        Alert.Tone tone;
        String headline;
        switch (state) {
            case "ALARM" -> {
                severity = Severity.HIGH;
                tone = Alert.Tone.DESTRUCTIVE;
                headline = "Security Watch is not healthy: " + name;
            }
            case "OK" -> {
                severity = Severity.LOW;
                tone = Alert.Tone.GOOD;
                headline = "Security Watch recovered: " + name;
            }
            default -> {
                severity = Severity.MEDIUM;
                tone = Alert.Tone.DENIED;
                headline = "Security Watch alarm has no data: " + name;
            }
        }

        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("Alarm", name));
        fields.add(Field.of("State", previous + " → " + state));
        fields.add(Field.of("Account", settings.accounts().describe(account)));
        fields.add(Field.of("Region", region == null ? "unknown" : region));
        fields.add(Field.of("Since", EventTimes.display(firstNonNull(since, envelope.origin().timeText()))));

        List<Section> sections = new ArrayList<>();
        String description = text(detail.path("configuration"), "description");
        if (description != null) {
            sections.add(new Section(state.equals("OK") ? "What it watches" : "First thing to check",
                    List.of(description), false));
        }
        String reason = text(detail.path("state"), "reason");
        if (reason != null) {
            sections.add(new Section("Why", List.of(reason), true));
        }

        List<Link> links = new ArrayList<>();
        Links.alarm(region, name).ifPresent(url -> links.add(new Link("Open the alarm", url)));
        return new Alert(DedupKeys.envelope(envelope.id(), envelope.json().toString()), Alert.Kind.HEALTH, severity,
                tone, headline, "Security Watch health", Optional.of(Category.HEALTH.id()), account, region,
                List.of(), false, fields, sections, links, List.of(),
                new Alert.Subject("AlarmStateChange", Optional.empty(), List.of("alarm:" + name),
                        EventTimes.parse(firstNonNull(since, envelope.origin().timeText()))));
    }

    private static String firstNonNull(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
