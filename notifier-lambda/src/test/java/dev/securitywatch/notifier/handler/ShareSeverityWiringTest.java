package dev.securitywatch.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.bucket.InMemoryCoverageReports;
import dev.securitywatch.notifier.support.Rendering;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The notifier's environment and the membership watch's inventory, wired as the Lambda wires them, deciding whether a
 * snapshot share leaves the organization: {@code MEMBER_PATHS}, {@code ORGANIZATION_ACCOUNTS}, and the inventory.
 */
class ShareSeverityWiringTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final NotifierSettings CONFIG = NotifierSettings.fromEnvironment(Map.of(
            "MEMBER_PATHS", "{\"112233445566\": [\"eu-west-1\"]}", "SECURITY_ACCOUNT", "123456789012",
            "ORGANIZATION_ACCOUNTS", "[\"333333333333\"]"), MAPPER);
    private static final OrganizationInventory FRESH = new OrganizationInventory(
            Instant.now().minus(Duration.ofHours(3)), List.of(
            new OrganizationInventory.Account("112233445566", "prod", "ACTIVE"),
            new OrganizationInventory.Account("444444444444", "log-archive", "ACTIVE")), Map.of(), Optional.empty());

    @Test
    void withTheInventoryAnOrganizationAccountIsInsideAndAnyOtherOutside() {
        NotifierWiring wiring = wiring(Optional.of(FRESH));

        assertThat(share(wiring, "444444444444")).satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.LOW);
            assertThat(alert.reasons()).containsExactly("shared only inside the organization (444444444444)");
        });
        assertThat(share(wiring, "333333333333").severity()).as("configured").isEqualTo(Severity.LOW);
        assertThat(share(wiring, "999999999999")).satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(sharedWith(alert)).isEqualTo("999999999999: outside the organization");
        });
    }

    @Test
    void withoutTheInventoryOnlyMemberAndConfiguredAccountsAreInside() {
        NotifierWiring wiring = wiring(Optional.empty());

        assertThat(share(wiring, "112233445566").severity()).isEqualTo(Severity.LOW);
        assertThat(share(wiring, "333333333333").severity()).isEqualTo(Severity.LOW);
        assertThat(share(wiring, "444444444444")).satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(sharedWith(alert)).isEqualTo("444444444444: not a member or configured account; the"
                    + " organization's inventory is unavailable");
        });
    }

    private static NotifierWiring wiring(Optional<OrganizationInventory> inventory) {
        return InMemoryWiring.of(CONFIG, new InMemoryCoverageReports(inventory));
    }

    /** The hand-written snapshot share, shared with {@code account} instead. */
    private static Alert share(NotifierWiring wiring, String account) {
        String event = Rendering.fixture("snapshot-shared-with-organization-account.json")
                .replace("444444444444", account);
        return wiring.service().preview(Rendering.parse(event)).get(0).alert();
    }

    private static String sharedWith(Alert alert) {
        return alert.fields().stream().filter(field -> field.label().equals("Shared with")).findFirst()
                .orElseThrow().value();
    }
}
