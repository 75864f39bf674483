package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.notifier.dedup.InMemoryDeliveryLedger;
import dev.securitywatch.notifier.dedup.InMemoryHeartbeatStore;
import dev.securitywatch.notifier.dedup.InMemorySuppressionTally;
import dev.securitywatch.notifier.dedup.InMemoryThreadStore;
import dev.securitywatch.notifier.service.CoverageReports;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.support.LocalChat;

/**
 * The Lambda's wiring ({@link NotifierWiring#create}) on in-memory stores and a webhook that is never called, with the
 * organization inventory a test gives: for what the environment and the inventory decide together.
 */
final class InMemoryWiring {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InMemoryWiring() {
    }

    static NotifierWiring of(NotifierSettings config, CoverageReports reports) {
        return NotifierWiring.create(config, new NotifierStores(new InMemoryDeliveryLedger(),
                        new InMemorySuppressionTally(), new InMemoryThreadStore(), new InMemoryHeartbeatStore(),
                        reports, NotifierStores::noHistory),
                LocalChat.webhookOutbox(SlackSecret.parse("{\"webhookUrl\":\"https://hooks.slack.com/services/T/B/"
                        + "never-called\"}"), config), new NotifierLog(), MAPPER);
    }
}
