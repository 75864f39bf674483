package dev.securitywatch.notifier.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.notifier.alert.Accounts;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.cloudtrail.ShareScope;
import dev.securitywatch.notifier.render.PlainText;
import dev.securitywatch.notifier.service.OutboundMessage;
import dev.securitywatch.notifier.service.Threading;
import dev.securitywatch.notifier.service.HeartbeatStore;
import dev.securitywatch.notifier.bucket.InMemoryCoverageReports;
import dev.securitywatch.notifier.service.CoverageReports;
import dev.securitywatch.notifier.handler.NotifierStores;
import dev.securitywatch.notifier.service.FirstSeen;
import dev.securitywatch.notifier.service.HeartbeatWatch;
import dev.securitywatch.notifier.health.HeartbeatTracker;
import dev.securitywatch.notifier.health.SilenceAlert;
import dev.securitywatch.notifier.health.Coverage;
import dev.securitywatch.notifier.health.CoverageAlert;
import java.time.Duration;
import dev.securitywatch.notifier.dedup.InMemoryThreadStore;
import dev.securitywatch.notifier.dispatch.AlertRenderer;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import dev.securitywatch.notifier.render.SlackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rendering pipeline as tests use it: fixed account names, a dashboards URL and the here-mention on. */
public final class Rendering {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** The central stack's alerts key, which the notifier is told is Security Watch's own. */
    public static final String ALERTS_KEY = "arn:aws:kms:us-east-1:111111111111:key/"
            + "0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c";
    public static final RenderSettings SETTINGS = new RenderSettings(
            new Accounts(Map.of("112233445566", "prod", "111111111111", "security")),
            Optional.of("https://dashboards.example.com/_dashboards"), true,
            Map.of("112233445566", List.of("us-east-1", "us-west-2", "ap-northeast-1")), Set.of(ALERTS_KEY),
            new RenderSettings.Deployments(List.of("cdk-hnb659fds-cfn-exec-role-*", "terraform-deployer"), true));
    /** Every entry on, opt-ins included, so every finding format is classified. */
    public static final Catalog CATALOG = Catalog.defaults().configure(new CatalogSettings(
            List.of("console-sign-in", "unauthorized-api-call", "securityhub-finding-asff",
                    "securityhub-finding-ocsf"), List.of(), Map.of()));
    /** An account of the organization that is not a member: a share with it stays inside. */
    public static final String ORGANIZATION_ACCOUNT = "444444444444";
    /** The organization as a fresh inventory tells it: the member, the security account and one more account. */
    public static final ShareScope SHARE_SCOPE = new ShareScope(SETTINGS.members().keySet(),
            Set.of("112233445566", "111111111111", ORGANIZATION_ACCOUNT), true);
    public static final AlertRenderer RENDERER = new AlertRenderer(new CatalogMatcher(CATALOG), SETTINGS,
            () -> SHARE_SCOPE, StackSetInstances.NONE);
    public static final SlackLayout LAYOUT = new SlackLayout(true);
    public static final EnvelopeParser PARSER = new EnvelopeParser(MAPPER);

    private Rendering() {
    }

    /** Heartbeats kept in memory, checked against a 15-minute canary. */
    public static HeartbeatWatch heartbeats(HeartbeatStore store) {
        return heartbeats(store, Coverage.Configured.NONE);
    }

    /** The same, with configured member paths for the daily coverage run, which sees no organization. */
    public static HeartbeatWatch heartbeats(HeartbeatStore store, Coverage.Configured configured) {
        return heartbeats(store, configured, new InMemoryCoverageReports(Optional.empty()));
    }

    /** The same, with the bucket the coverage run reads the organization from and keeps its report in. */
    public static HeartbeatWatch heartbeats(HeartbeatStore store, Coverage.Configured configured,
                                            CoverageReports reports) {
        return new HeartbeatWatch(store, new HeartbeatTracker(Duration.ofMinutes(15)),
                new SilenceAlert(SETTINGS, Duration.ofMinutes(15)), configured,
                new CoverageAlert(SETTINGS), reports);
    }

    /** No first-seen badge: most tests are about something else, and the badge would change every message. */
    public static FirstSeen firstSeenOff() {
        return FirstSeen.off(NotifierStores::noHistory);
    }

    /** Threads kept in memory with the default windows; only a bot-token outbox uses them. */
    public static Threading threading() {
        return new Threading(new InMemoryThreadStore(), Threading.DEFAULT_INCIDENT_WINDOW,
                Threading.DEFAULT_GROUP_WINDOW);
    }

    /** A file of {@code src/test/resources/fixtures} as text. */
    public static String fixture(String name) {
        try (InputStream in = Rendering.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<InboundMessage> parse(String json) {
        return PARSER.parseText(json);
    }

    /** The message the notifier sends for {@code message} on its own. */
    public static OutboundMessage outbound(InboundMessage message) {
        Alert alert = RENDERER.render(message).alert();
        return new OutboundMessage(alert, LAYOUT.layout(alert), PlainText.title(alert), PlainText.body(alert));
    }
}
