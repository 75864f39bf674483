package dev.securitywatch.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * In {@code stackset} mode the StackSet's members are not in {@code MEMBER_PATHS}: the inventory's instances say where
 * its remediation role is automation. Wired as the Lambda wires it, on the remediator's revoke, moved to an account
 * only the StackSet enrols.
 */
class StackSetAutomationWiringTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENROLLED = "555555555555";
    private static final Map<String, String> STACKSET_MODE = Map.of("SECURITY_ACCOUNT", "123456789012",
            "STACKSET", "{\"name\":\"SecurityWatch-Member\",\"regions\":[\"us-east-1\"]}");
    private static final OrganizationInventory FRESH = new OrganizationInventory(
            Instant.now().minus(Duration.ofHours(3)), List.of(
            new OrganizationInventory.Account(ENROLLED, "team", "ACTIVE"),
            new OrganizationInventory.Account("666666666666", "outside-the-ous", "ACTIVE")), Map.of(),
            Optional.empty(), Optional.of(new OrganizationInventory.StackSetInstances("SecurityWatch-Member",
            List.of(new OrganizationInventory.StackInstance(ENROLLED, "us-east-1", "CURRENT", "SUCCEEDED",
                    "IN_SYNC", null)), Optional.empty())));

    @Test
    void theStackSetsRemediatorIsAutomationWhereTheStackSetHasAnInstance() {
        NotifierWiring wiring = wiring(STACKSET_MODE, Optional.of(FRESH));

        Alert revoke = revokeBy(wiring, ENROLLED);

        assertThat(revoke.automation()).isTrue();
        assertThat(revoke.notes()).contains("Made by Security Watch remediation (automation), not by a person.");
    }

    @Test
    void anAccountOnlyTheStackSetEnrolsIsNamedFromTheInventory() {
        Alert revoke = revokeBy(wiring(STACKSET_MODE, Optional.of(FRESH)), ENROLLED);

        assertThat(revoke.fields()).anySatisfy(field -> assertThat(field.value()).contains("team (" + ENROLLED + ")"));
        assertThat(revokeBy(wiring(STACKSET_MODE, Optional.empty()), ENROLLED).fields())
                .noneSatisfy(field -> assertThat(field.value()).contains("team ("));
    }

    @Test
    void theSameRoleNameWhereTheStackSetHasNoInstanceIsAPerson() {
        assertThat(revokeBy(wiring(STACKSET_MODE, Optional.of(FRESH)), "666666666666").automation())
                .as("a role of that name created outside the target OUs").isFalse();
        assertThat(revokeBy(wiring(STACKSET_MODE, Optional.empty()), ENROLLED).automation())
                .as("no inventory to trust").isFalse();
        assertThat(revokeBy(wiring(Map.of("SECURITY_ACCOUNT", "123456789012"), Optional.of(FRESH)), ENROLLED)
                .automation()).as("stacks mode never asks the inventory").isFalse();
    }

    private static NotifierWiring wiring(Map<String, String> environment,
                                         Optional<OrganizationInventory> inventory) {
        return InMemoryWiring.of(NotifierSettings.fromEnvironment(environment, MAPPER),
                new InMemoryCoverageReports(inventory));
    }

    /** The hand-written remediator's revoke, made by the StackSet's remediation role in {@code account}. */
    private static Alert revokeBy(NotifierWiring wiring, String account) {
        String event = Rendering.fixture("revoke-by-remediation-role.json")
                .replace("security-watch-remediation-us-east-1", "security-watch-remediation-org-us-east-1")
                .replace("112233445566", account);
        return wiring.service().preview(Rendering.parse(event)).get(0).alert();
    }
}
