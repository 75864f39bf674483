package dev.securitywatch.notifier.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack's limits and this project's escaping rules, checked on a finished webhook body. */
public final class PayloadChecks {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The only markup a message may contain: links this project built, and the opt-in here-mention. */
    private static final Pattern ALLOWED_MARKUP = Pattern.compile("<https://[^\\s<>|]+\\|[^<>]*>|<!here>");

    private PayloadChecks() {
    }

    public static JsonNode assertValid(String json) {
        JsonNode payload;
        try {
            payload = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(json.length()).as("whole message").isLessThanOrEqualTo(12_000);
        assertThat(payload.path("text").asText()).as("top-level text").isNotBlank();
        List<JsonNode> blocks = new ArrayList<>();
        payload.path("blocks").forEach(blocks::add);
        payload.path("attachments").forEach(a -> a.path("blocks").forEach(blocks::add));
        assertThat(blocks.size()).as("blocks").isLessThanOrEqualTo(50);
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "header" -> assertThat(block.path("text").path("text").asText().length()).as("header")
                        .isLessThanOrEqualTo(150);
                case "section" -> {
                    assertThat(block.path("text").path("text").asText().length()).as("section text")
                            .isLessThanOrEqualTo(3_000);
                    assertThat(block.path("fields").size()).as("fields").isLessThanOrEqualTo(10);
                    block.path("fields").forEach(f -> assertThat(f.path("text").asText().length())
                            .as("field").isLessThanOrEqualTo(2_000));
                }
                case "context" -> assertThat(block.path("elements").size()).isLessThanOrEqualTo(10);
                case "actions" -> block.path("elements").forEach(b -> {
                    assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(75);
                    assertThat(b.path("url").asText()).startsWith("https://");
                });
                default -> throw new AssertionError("unexpected block type " + block.path("type"));
            }
        }
        texts(payload).forEach(PayloadChecks::assertNoInjectedMarkup);
        return payload;
    }

    /** Every '<' is one of ours; the rest of the text has no raw angle brackets. */
    public static void assertNoInjectedMarkup(String text) {
        Matcher allowed = ALLOWED_MARKUP.matcher(text);
        String rest = allowed.replaceAll("");
        assertThat(rest).as("text outside links: " + text).doesNotContain("<", ">");
        assertThat(rest).doesNotContainPattern("@(here|channel|everyone)\\b");
    }

    /** All text values of the payload (text, fallback, fields, elements). */
    public static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, null, out);
        return out;
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        if (node.isTextual() && ("text".equals(field) || "fallback".equals(field))) {
            out.add(node.asText());
        } else if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, out));
        }
    }
}
