package dev.securitywatch.notifier.render;

import dev.securitywatch.notifier.dispatch.AlertRenderer;
import static dev.securitywatch.notifier.support.Rendering.LAYOUT;
import static dev.securitywatch.notifier.support.Rendering.PARSER;
import static dev.securitywatch.notifier.support.Rendering.RENDERER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import static dev.securitywatch.lambdakit.json.JsonFields.text;

import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message in the acceptance corpus (cloudtrail, eventbridge, sns, guardduty, securityhub) renders within
 * Slack's limits, escaped, with an actor, account and region; what no renderer reads becomes the fallback.
 */
class CorpusRenderingTest {
    private static final CatalogMatcher MATCHER = new CatalogMatcher(Rendering.CATALOG);
    private static final List<String> FORWARDED = new ArrayList<>();
    private static final List<String> FALLBACKS = new ArrayList<>();

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        for (AcceptanceData.Sample sample : AcceptanceData.under("cloudtrail/", "eventbridge/", "sns/", "guardduty/",
                "securityhub/")) {
            List<InboundMessage> messages = PARSER.parse(sample.json());
            for (int i = 0; i < messages.size(); i++) {
                cases.add(Arguments.of(sample.path() + (messages.size() > 1 ? "#" + i : ""), messages.get(i)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rendersWithinLimitsEscapedWithActorAccountAndRegion(String path, InboundMessage message) {
        AlertRenderer.Rendered rendered = RENDERER.render(message);
        Alert alert = rendered.alert();
        String json = LAYOUT.layout(alert).json();

        JsonNode payload = PayloadChecks.assertValid(json);
        assertThat(payload.path("text").asText()).contains("[" + alert.severity() + "]");

        if (message instanceof UnreadableMessage) {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.FALLBACK);
            FALLBACKS.add(path);
            return;
        }
        EventEnvelope envelope = (EventEnvelope) message;
        if (MATCHER.match(envelope).forwarded()) {
            FORWARDED.add(path);
        }
        if (alert.kind() == Alert.Kind.FALLBACK) {
            FALLBACKS.add(path);
            assertThat(rendered.fallbackReason()).isPresent();
            return;
        }
        Optional<CloudTrailEvent> event = envelope.cloudTrailEvent();
        assertThat(alert.accountId()).isEqualTo(expectedAccount(envelope, event));
        assertThat(alert.region()).isEqualTo(expectedRegion(envelope, event));
        if (event.isPresent()) {
            Alert.Field actor = alert.fields().stream().filter(f -> f.label().equals("Actor")).findFirst()
                    .orElseThrow();
            assertThat(actor.value()).isNotBlank();
            assertThat(json).contains("*Actor*");
            assertThat(json).contains("*Region*\\n" + (alert.region() == null ? "unknown" : alert.region()));
        }
    }

    /**
     * A finding names the affected (member) account itself; the envelope carries the delivering account. Every other
     * event is the envelope's origin's, whatever its payload claims.
     */
    private static String expectedAccount(EventEnvelope envelope, Optional<CloudTrailEvent> event) {
        JsonNode detail = envelope.detail();
        String fromFinding = first(text(detail, "accountId"), text(detail.path("findings").path(0), "AwsAccountId"),
                text(detail.path("findings").path(0).path("cloud").path("account"), "uid"));
        if (envelope.detailType().contains("Finding") && fromFinding != null) {
            return fromFinding;
        }
        return envelope.origin().account();
    }

    private static String expectedRegion(EventEnvelope envelope, Optional<CloudTrailEvent> event) {
        JsonNode detail = envelope.detail();
        String fromFinding = first(text(detail, "region"), text(detail.path("findings").path(0), "Region"));
        if (envelope.detailType().contains("Finding") && fromFinding != null) {
            return fromFinding;
        }
        return envelope.origin().region();
    }

    private static String first(String... values) {
        return Stream.of(values).filter(v -> v != null).findFirst().orElse(null);
    }

    @Test
    void coversTheWholeCorpus() {
        List<String> paths = corpus().map(a -> (String) a.get()[0]).toList();
        assertThat(paths).hasSizeGreaterThan(800);
    }

    @AfterAll
    static void summary() {
        System.out.println("corpus rendering: " + FORWARDED.size() + " forwarded events, " + FALLBACKS.size()
                + " fallbacks");
    }
}
