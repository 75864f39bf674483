package dev.securitywatch.infra.central;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.lambda.LambdaSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code alerts.organizationAccounts} reaches the notifier as {@code ORGANIZATION_ACCOUNTS}: where a share stays
 * inside when the membership watch's inventory does not say (no organization, or its accounts not read).
 */
class NotifierOrganizationAccountsTest {

    @Test
    void theConfiguredAccountsReachTheNotifierAsWritten() {
        Map<String, String> settings = LambdaSettings.of(NotifierQueueTest.centralStack(DefaultContext.withOverrides(
                Map.of("alerts", Map.of("organizationAccounts", List.of("444444444444", "555555555555"))))),
                Notifier.HANDLER);

        assertThat(settings.get("ORGANIZATION_ACCOUNTS")).isEqualTo("[\"444444444444\",\"555555555555\"]");
    }

    @Test
    void withoutThemTheNotifierHasNoVariableAndReliesOnTheInventoryAndTheMembers() {
        Map<String, String> settings = LambdaSettings.of(NotifierQueueTest.centralStack(DefaultContext.get()),
                Notifier.HANDLER);

        assertThat(settings).doesNotContainKey("ORGANIZATION_ACCOUNTS").containsKeys("MEMBER_PATHS",
                "COVERAGE_BUCKET");
    }
}
