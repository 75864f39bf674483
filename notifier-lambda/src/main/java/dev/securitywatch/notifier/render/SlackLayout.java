package dev.securitywatch.notifier.render;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.format.Mrkdwn;
import dev.securitywatch.chat.format.SlackLimits;
import dev.securitywatch.chat.format.TextBudget;
import dev.securitywatch.chat.format.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays an {@link Alert} out as Block Kit: a header and summary on top, then an attachment in the alert's colour with
 * the facts, the diff or parameters, small print and buttons. This is the only place that escapes event text and
 * enforces Slack's limits, so renderers cannot get either wrong.
 */
public final class SlackLayout {
    /** The whole webhook body stays below this, JSON syntax included. */
    static final int MAX_PAYLOAD_CHARS = SlackLimits.MESSAGE_TEXT;
    private static final int MAX_BUTTONS = 5;
    /** Notifications and search show the first line or so; the blocks carry the rest. */
    static final int SUMMARY_LIMIT = 600;
    /** Kept free while sections are laid out, so the small print and its "left out" note always fit. */
    private static final int SMALL_PRINT_RESERVE = 800;
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).disableHtmlEscaping().create();

    private final boolean mentionOnCritical;

    public SlackLayout(boolean mentionOnCritical) {
        this.mentionOnCritical = mentionOnCritical;
    }

    public SlackPayload layout(Alert alert) {
        int textBudget = MAX_PAYLOAD_CHARS - 2_000;
        String json = build(alert, textBudget);
        // JSON escaping (quotes, newlines) can push a text-heavy message over; shrink the text until it fits.
        for (int round = 0; json.length() > MAX_PAYLOAD_CHARS && round < 5; round++) {
            textBudget -= json.length() - MAX_PAYLOAD_CHARS + 500;
            json = build(alert, Math.max(textBudget, 1_000));
        }
        return new SlackPayload(json, summary(alert));
    }

    private String build(Alert alert, int textBudget) {
        TextBudget budget = new TextBudget(textBudget);
        String summary = budget.take(summary(alert));
        List<LayoutBlock> top = new ArrayList<>();
        String title = alert.kind() == Alert.Kind.DENIED ? "Denied: " + alert.title() : alert.title();
        top.add(HeaderBlock.builder().text(plain(budget.fit(Mrkdwn.escape(emoji(alert) + " " + alert.severity()
                + " · " + title), SlackLimits.HEADER_TEXT))).build());
        top.add(section(budget.fit(headline(alert), SlackLimits.SECTION_TEXT)));

        List<LayoutBlock> body = new ArrayList<>();
        List<TextObject> fields = new ArrayList<>();
        for (Field field : alert.fields().subList(0, Math.min(alert.fields().size(), SlackLimits.SECTION_FIELDS))) {
            String label = "*" + Mrkdwn.escape(field.label()) + "*\n";
            String value = Truncation.cut(Mrkdwn.inline(field.value()), 500);
            String text = field.url().map(url -> label + Mrkdwn.link(url, field.value())).orElse(label + value);
            fields.add(mrkdwn(budget.fit(text, SlackLimits.FIELD_TEXT)));
        }
        if (!fields.isEmpty()) {
            body.add(SectionBlock.builder().fields(fields).build());
        }
        int skipped = 0;
        for (Section section : alert.sections()) {
            String heading = "*" + Mrkdwn.escape(section.heading()) + "*\n";
            if (!budget.has(heading.length() + 60 + SMALL_PRINT_RESERVE)
                    || top.size() + body.size() >= SlackLimits.MAX_BLOCKS - 4) {
                skipped++;
                continue;
            }
            budget.take(heading);
            int room = Math.min(SlackLimits.SECTION_TEXT - heading.length(),
                    budget.remaining() - SMALL_PRINT_RESERVE);
            // Each line is one item: its own text never breaks into a new line that could pose as layout.
            String text = section.preformatted()
                    ? "```" + budget.fit(Mrkdwn.escape(String.join("\n", section.lines()).replace('`', '\u02CB')),
                    room - 6) + "```"
                    : budget.fit(String.join("\n", section.lines().stream().map(Mrkdwn::inline).toList()), room);
            body.add(section(heading + text));
        }
        List<ContextBlockElement> small = new ArrayList<>();
        List<String> notes = new ArrayList<>(alert.notes());
        if (skipped > 0) {
            notes.add(skipped + " more section(s) left out to stay within Slack's message size.");
        }
        for (String note : notes.subList(0, Math.min(notes.size(), SlackLimits.CONTEXT_ELEMENTS - 1))) {
            small.add(mrkdwn(budget.fit(Mrkdwn.inline(note), 500)));
        }
        small.add(mrkdwn(budget.fit("Security Watch · " + Mrkdwn.escape(alert.dedupKey()), 200)));
        body.add(ContextBlock.builder().elements(small).build());
        List<BlockElement> buttons = new ArrayList<>();
        for (Link link : alert.links()) {
            if (buttons.size() == MAX_BUTTONS || link.url().length() > SlackLimits.BUTTON_URL) {
                continue;
            }
            ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                    .text(plain(Truncation.cut(Mrkdwn.escape(link.label()), SlackLimits.BUTTON_TEXT)))
                    .url(link.url()).actionId("link-" + buttons.size());
            if (buttons.isEmpty()) {
                button.style("primary");
            }
            buttons.add(button.build());
        }
        if (!buttons.isEmpty()) {
            body.add(ActionsBlock.builder().elements(buttons).build());
        }

        // The attachment is written by hand: Gson would otherwise reflect over the whole Attachment → File → Message
        // model graph (~90 classes, a tenth of a second of cold start) for two fields.
        JsonObject attachment = new JsonObject();
        attachment.addProperty("color", alert.tone().hex());
        attachment.add("blocks", GSON.toJsonTree(body));
        JsonArray attachments = new JsonArray();
        attachments.add(attachment);
        JsonObject payload = new JsonObject();
        payload.addProperty("text", summary);
        payload.add("blocks", GSON.toJsonTree(top));
        payload.add("attachments", attachments);
        return GSON.toJson(payload);
    }

    /** The top-level text: what notifications, search and the plain-text fallback show. */
    public String summary(Alert alert) {
        String actor = alert.fields().stream().filter(f -> f.label().equals("Actor")).map(Field::value).findFirst()
                .map(a -> " · by " + a).orElse("");
        // A digest, and a health report spanning accounts, are about the whole deployment, not one account.
        String where = alert.kind() == Alert.Kind.DIGEST || (alert.kind() == Alert.Kind.HEALTH
                && alert.accountId() == null) ? ""
                : " · " + (alert.accountId() == null ? "unknown account" : alert.accountId())
                + (alert.region() == null ? "" : " · " + alert.region());
        String text = Mrkdwn.inline("[" + alert.severity() + "] " + alert.headline() + actor + where
                + (alert.automation() ? " · automation" : ""));
        return mention(alert) + Truncation.cut(text, SUMMARY_LIMIT);
    }

    private String headline(Alert alert) {
        StringBuilder text = new StringBuilder(mention(alert));
        text.append('*').append(Mrkdwn.inline(alert.headline())).append('*');
        if (alert.automation()) {
            text.append("\n:robot_face: _Automation: made by Security Watch remediation._");
        }
        if (alert.kind() == Alert.Kind.DENIED) {
            text.append("\n:no_entry: _Attempted and denied: AWS refused the call, nothing changed._");
        }
        if (!alert.reasons().isEmpty()) {
            // The severity rules only raise to HIGH or CRITICAL, and only lower to LOW.
            text.append(alert.severity() == Severity.LOW ? "\n:arrow_down: Severity lowered: "
                    : "\n:arrow_up: Severity raised: ").append(Mrkdwn.inline(String.join("; ", alert.reasons())));
        }
        return text.toString();
    }

    private String mention(Alert alert) {
        return mentionOnCritical && alert.severity() == Severity.CRITICAL ? "<!here> " : "";
    }

    private static String emoji(Alert alert) {
        if (alert.kind() == Alert.Kind.FALLBACK) {
            return "❔";
        }
        return switch (alert.severity()) {
            case CRITICAL -> "🚨";
            case HIGH -> "🔴";
            case MEDIUM -> "🟠";
            case LOW -> "🔵";
        };
    }

    private static SectionBlock section(String mrkdwnText) {
        return SectionBlock.builder().text(mrkdwn(mrkdwnText)).build();
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
