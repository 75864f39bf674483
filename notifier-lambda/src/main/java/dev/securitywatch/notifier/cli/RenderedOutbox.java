package dev.securitywatch.notifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.chat.SlackPayload;
import dev.securitywatch.chat.delivery.Deadline;
import dev.securitywatch.chat.delivery.DeliveryReceipt;
import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.OutboundMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's {@code render}: an outbox that prints instead of posting, so the real delivery path decides what is
 * posted, grouped, threaded and updated. Webhook mode prints each webhook body on its own line. Bot mode
 * ({@code --bot}) prints one JSON object per Slack call: {@code {"post":1,"payload":...}} for a message in the
 * channel, {@code {"post":2,"replyInThreadOf":1,"broadcast":false,"payload":...}} for a thread reply and
 * {@code {"updateOf":1,"payload":...}} for a parent's new status.
 */
final class RenderedOutbox implements AlertOutbox {
    /** Stands for the channel of the secret's default route. */
    static final String DEFAULT_CHANNEL = "default";

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final boolean bot;
    private int posts;

    RenderedOutbox(ObjectMapper mapper, PrintStream out, boolean bot) {
        this.mapper = mapper;
        this.out = out;
        this.bot = bot;
    }

    @Override
    public List<String> sinks() {
        return List.of(ChatOutbox.SLACK);
    }

    @Override
    public boolean threads(String sink) {
        return bot;
    }

    @Override
    public DeliveryReceipt deliver(String sink, OutboundMessage message, Deadline deadline) {
        posts++;
        if (!bot) {
            out.println(message.slack().json());
            return new DeliveryReceipt("rendered", 1, 0, false);
        }
        print(call().put("post", posts), message.slack());
        return posted();
    }

    @Override
    public DeliveryReceipt reply(String sink, OutboundMessage message, SlackMessageRef parent, boolean broadcast,
                                 Deadline deadline) {
        posts++;
        print(call().put("post", posts).put("replyInThreadOf", Integer.parseInt(parent.ts()))
                .put("broadcast", broadcast), message.slack());
        return posted();
    }

    @Override
    public DeliveryReceipt update(String sink, OutboundMessage message, SlackPayload payload,
                                  SlackMessageRef target, Deadline deadline) {
        print(call().put("updateOf", Integer.parseInt(target.ts())), payload);
        return new DeliveryReceipt("rendered", 1, 0, false, Optional.of(target));
    }

    /** A bot post's receipt: its number stands for the ts Slack would answer with. */
    private DeliveryReceipt posted() {
        return new DeliveryReceipt("rendered", 1, 0, false,
                Optional.of(new SlackMessageRef(DEFAULT_CHANNEL, Integer.toString(posts))));
    }

    private ObjectNode call() {
        return mapper.createObjectNode();
    }

    private void print(ObjectNode call, SlackPayload payload) {
        try {
            call.set("payload", mapper.readTree(payload.json()));
        } catch (IOException e) {
            throw new UncheckedIOException("a laid-out payload is JSON", e);
        }
        out.println(call);
    }
}
