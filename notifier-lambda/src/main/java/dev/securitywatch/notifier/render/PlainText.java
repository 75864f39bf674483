package dev.securitywatch.notifier.render;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;

/** An alert as plain text lines, for sinks without Block Kit (Chatwork). The sink escapes its own syntax. */
public final class PlainText {
    private PlainText() {
    }

    public static String title(Alert alert) {
        return "[" + alert.severity() + "] " + alert.headline();
    }

    public static String body(Alert alert) {
        StringBuilder text = new StringBuilder(alert.title()).append('\n');
        if (alert.automation()) {
            text.append("Automation: made by Security Watch remediation.\n");
        }
        if (!alert.reasons().isEmpty()) {
            text.append(alert.severity() == Severity.LOW ? "Severity lowered: " : "Severity raised: ")
                    .append(String.join("; ", alert.reasons())).append('\n');
        }
        for (Field field : alert.fields()) {
            text.append(field.label()).append(": ").append(field.value()).append('\n');
        }
        for (Section section : alert.sections()) {
            text.append('\n').append(section.heading()).append('\n');
            section.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        for (Link link : alert.links()) {
            text.append(link.label()).append(": ").append(link.url()).append('\n');
        }
        alert.notes().forEach(note -> text.append(note).append('\n'));
        return text.toString();
    }
}
