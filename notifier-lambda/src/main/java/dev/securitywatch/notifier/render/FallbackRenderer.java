package dev.securitywatch.notifier.render;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventOrigin;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.alert.DedupKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Anything no renderer understands: said plainly, with the raw content (escaped and cut by the layout). */
public final class FallbackRenderer {
    /** Enough raw JSON to recognise the event; the layout cuts further to fit the message. */
    static final int RAW_LIMIT = 2_800;

    private final RenderSettings settings;

    public FallbackRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public Alert unreadable(UnreadableMessage message) {
        return alert(DedupKeys.content(message.raw()), "Unrecognised message: " + shortReason(message.reason()),
                List.of(Field.of("Why", message.reason())), message.raw(), null, null, Optional.empty());
    }

    public Alert unrecognised(EventEnvelope envelope, String reason, Optional<String> category) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("Source", envelope.source() == null ? "unknown" : envelope.source()));
        fields.add(Field.of("Detail type", envelope.detailType() == null ? "unknown" : envelope.detailType()));
        EventOrigin origin = envelope.origin();
        fields.add(Field.of("Account", settings.accounts().describe(origin.account())));
        fields.add(Field.of("Region", origin.region() == null ? "unknown" : origin.region()));
        fields.add(Field.of("Time", EventTimes.display(origin.timeText())));
        return alert(DedupKeys.envelope(envelope.id(), envelope.json().toString()),
                "Unrecognised event: " + reason, fields, envelope.json().toString(), origin.account(),
                origin.region(), category);
    }

    /** "not JSON: Unrecognized token ..." becomes "not JSON"; the field keeps the whole reason. */
    private static String shortReason(String reason) {
        int colon = reason.indexOf(':');
        return reason.length() > 60 && colon > 0 ? reason.substring(0, colon) : reason;
    }

    private Alert alert(String dedupKey, String headline, List<Field> fields, String raw, String account,
                        String region, Optional<String> category) {
        String shown = raw.length() <= RAW_LIMIT ? raw : raw.substring(0, RAW_LIMIT);
        List<String> notes = raw.length() <= RAW_LIMIT ? List.of()
                : List.of("Raw content cut: " + (raw.length() - RAW_LIMIT) + " more characters are in the"
                        + " notifier log.");
        return new Alert(dedupKey, Alert.Kind.FALLBACK, Severity.MEDIUM, Alert.Tone.NEUTRAL, headline,
                "Security Watch could not read this message", category, account, region, List.of(), false, fields,
                List.of(new Section("Raw content", List.of(shown), true)), List.of(), notes,
                Alert.Subject.of(Alert.Kind.FALLBACK.name(), Optional.empty()));
    }
}
