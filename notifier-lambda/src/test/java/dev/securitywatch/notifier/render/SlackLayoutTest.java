package dev.securitywatch.notifier.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.PayloadChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackLayoutTest {

    private static Alert alert(Severity severity, int fields, int sections, int lineLength, String text) {
        List<Alert.Field> fieldList = IntStream.range(0, fields)
                .mapToObj(i -> Alert.Field.of("Field " + i, text.repeat(lineLength / text.length() + 1))).toList();
        List<Alert.Section> sectionList = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            sectionList.add(new Alert.Section("Section " + i, List.of(text.repeat(lineLength / text.length() + 1)),
                    i % 2 == 0));
        }
        List<Alert.Link> links = IntStream.range(0, 8)
                .mapToObj(i -> new Alert.Link("Link " + i, "https://example.com/" + i)).toList();
        return new Alert("cloudtrail:x", Alert.Kind.CHANGE, severity, Alert.Tone.CHANGE, text.repeat(200),
                text.repeat(100), Optional.empty(), "111111111111", "us-east-1", List.of("because"), true, fieldList,
                sectionList, links, List.of("note <!channel>"), Alert.Subject.of("AuthorizeSecurityGroupIngress", Optional.empty()));
    }

    @Test
    void hugeAlertsAreCutToEveryLimitWithVisibleMarkers() {
        SlackLayout layout = new SlackLayout(true);
        String json = layout.layout(alert(Severity.HIGH, 25, 80, 10_000, "<&\"x>")).json();

        JsonNode payload = PayloadChecks.assertValid(json);
        assertThat(json).contains("(truncated, ", "more characters)", "section(s) left out");
        assertThat(payload.path("attachments").get(0).path("blocks").get(0).path("fields").size()).isEqualTo(10);
    }

    @Test
    void manySmallSectionsStayUnderFiftyBlocks() {
        String json = new SlackLayout(false).layout(alert(Severity.LOW, 3, 200, 5, "ab")).json();

        PayloadChecks.assertValid(json);
    }

    /** Issue 12, finding 9: forged event text must not draw a field or a line of its own. */
    @Test
    void eventTextCannotForgeAFieldOrALineOfTheMessage() {
        String forged = "bob\n*Actor*\nSecurity team (verified)";
        Alert spoof = new Alert("cloudtrail:x", Alert.Kind.CHANGE, Severity.LOW, Alert.Tone.CHANGE, forged, "Title",
                Optional.empty(), "111111111111", "us-east-1", List.of(forged), false,
                List.of(Alert.Field.of("User agent", forged)),
                List.of(new Alert.Section("Request", List.of(forged, "second item"), false)), List.of(),
                List.of(forged), Alert.Subject.of("CreateUser", Optional.empty()));

        JsonNode payload = PayloadChecks.assertValid(new SlackLayout(false).layout(spoof).json());

        List<String> texts = new ArrayList<>();
        payload.findValues("text").forEach(text -> texts.add(text.isTextual() ? text.asText()
                : text.path("text").asText()));
        assertThat(String.join("\n", texts)).doesNotContain("\n*Actor*", "\nSecurity team")
                .contains("bob ⏎ *Actor* ⏎ Security team (verified)");
        JsonNode fields = payload.path("attachments").get(0).path("blocks").get(0).path("fields");
        assertThat(fields.get(0).path("text").asText()).isEqualTo("*User agent*\nbob ⏎ *Actor* ⏎ Security team"
                + " (verified)");
        assertThat(payload.path("attachments").get(0).path("blocks").get(1).path("text").path("text").asText())
                .isEqualTo("*Request*\nbob ⏎ *Actor* ⏎ Security team (verified)\nsecond item");
    }

    @Test
    void hereMentionOnlyForCriticalAndOnlyWhenEnabled() {
        assertThat(new SlackLayout(true).layout(alert(Severity.CRITICAL, 1, 1, 5, "a")).json()).contains("<!here>");
        assertThat(new SlackLayout(true).layout(alert(Severity.HIGH, 1, 1, 5, "a")).json()).doesNotContain("<!here>");
        assertThat(new SlackLayout(false).layout(alert(Severity.CRITICAL, 1, 1, 5, "a")).json())
                .doesNotContain("<!here>");
    }

    @Test
    void topLevelTextIsAlwaysSet() {
        Alert plain = alert(Severity.MEDIUM, 0, 0, 1, "a");
        assertThat(new SlackLayout(false).layout(plain).text()).startsWith("[MEDIUM] ").contains("111111111111");
    }
}
