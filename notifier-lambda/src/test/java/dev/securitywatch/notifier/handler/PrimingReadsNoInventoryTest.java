package dev.securitywatch.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.service.CoverageReports;
import dev.securitywatch.notifier.support.InventoryOnlyReports;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Priming renders an event, and rendering names accounts from the organization's inventory: the snapshot must not
 * keep an answer (or a failure) from before the restore, so priming reads nothing, and the first real event does.
 */
class PrimingReadsNoInventoryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void primingReadsNoInventoryAndTheFirstRealQuestionDoes() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CoverageReports counting = new InventoryOnlyReports(() -> {
            reads.incrementAndGet();
            return Optional.of(new OrganizationInventory(Instant.now(), List.of(
                    new OrganizationInventory.Account("555555555555", "team", "ACTIVE")), Map.of(),
                    Optional.empty()));
        });
        NotifierWiring wiring = InMemoryWiring.of(NotifierSettings.fromEnvironment(Map.of(), MAPPER), counting);

        new Priming(wiring).beforeCheckpoint(null);

        assertThat(reads).as("during priming").hasValue(0);
        assertThat(wiring.organization().accountName("555555555555")).contains("team");
        assertThat(reads).hasValue(1);
    }
}
