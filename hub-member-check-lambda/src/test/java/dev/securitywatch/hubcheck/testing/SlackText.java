package dev.securitywatch.hubcheck.testing;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.securitywatch.hubcheck.report.SlackMessage;
import java.util.List;
import java.util.stream.Collectors;

/** The visible text of a rendered report, one block per line group, for assertions. */
public final class SlackText {
    private SlackText() {
    }

    public static List<String> blocks(SlackMessage message) {
        return message.blocks().stream().map(SlackText::text).toList();
    }

    public static String all(SlackMessage message) {
        return String.join("\n", blocks(message));
    }

    private static String text(LayoutBlock block) {
        if (block instanceof HeaderBlock header) {
            return header.getText().getText();
        }
        if (block instanceof SectionBlock section) {
            return section.getText().getText();
        }
        if (block instanceof ContextBlock context) {
            return context.getElements().stream()
                    .map(element -> ((MarkdownTextObject) element).getText())
                    .collect(Collectors.joining(" "));
        }
        return "---";
    }
}
