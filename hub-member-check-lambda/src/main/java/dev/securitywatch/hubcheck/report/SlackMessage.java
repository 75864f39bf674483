package dev.securitywatch.hubcheck.report;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A rendered report: the notification text and the Block Kit blocks, without a channel. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
