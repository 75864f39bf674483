package dev.securitywatch.notifier.dispatch;

import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.PayloadChecks;
import dev.securitywatch.notifier.support.Rendering;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRendererTest {

    @Test
    void aRendererThatFailsStillYieldsTheFallbackWithTheReason() {
        // Settings without account names make every account lookup fail: the renderer and the envelope fallback
        // both break, and the raw-text fallback still goes out.
        AlertRenderer broken = new AlertRenderer(new CatalogMatcher(Rendering.CATALOG),
                new RenderSettings(null, Optional.empty(), false, Map.of(), Set.of(),
                        RenderSettings.Deployments.DEFAULTS), () -> Rendering.SHARE_SCOPE, StackSetInstances.NONE);
        InboundMessage event = Rendering.parse(AcceptanceData.text(
                "cloudtrail/ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-2.json")).get(0);

        AlertRenderer.Rendered rendered = broken.render(event);

        assertThat(rendered.alert().kind()).isEqualTo(Alert.Kind.FALLBACK);
        assertThat(rendered.fallbackReason()).contains("rendering failed (NullPointerException)");
        PayloadChecks.assertValid(Rendering.LAYOUT.layout(rendered.alert()).json());
    }

    @Test
    void unknownDetailTypesAreFallbacksThatKeepTheirCategoryForRouting() {
        InboundMessage macie = Rendering.parse("{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Macie Finding\","
                + "\"source\":\"aws.macie\",\"account\":\"1\",\"region\":\"us-east-1\",\"detail\":{}}").get(0);

        AlertRenderer.Rendered rendered = Rendering.RENDERER.render(macie);

        assertThat(rendered.alert().kind()).isEqualTo(Alert.Kind.FALLBACK);
        assertThat(rendered.fallbackReason()).contains("no renderer for aws.macie \"Macie Finding\"");
        assertThat(rendered.alert().dedupKey()).isEqualTo("eventbridge:1");
    }
}
