package dev.securitywatch.infra.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.infra.DefaultContext;
import dev.securitywatch.infra.lambda.LambdaSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code alerts.organizationAccounts} reaches the notifier as {@code ORGANIZATION_ACCOUNTS}: where a share stays
 * inside when the membership watch's inventory does not say (no organization, or its accounts not read).
 */
class NotifierOrganizationAccountsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theConfiguredAccountsReachTheNotifierAsWritten() {
        Template central = NotifierQueueTest.central(DefaultContext.withOverrides(Map.of("alerts",
                Map.of("organizationAccounts", List.of("444444444444", "555555555555")))));

        assertThat(notifierEnvironment(central).path("ORGANIZATION_ACCOUNTS").asText())
                .isEqualTo("[\"444444444444\",\"555555555555\"]");
    }

    @Test
    void withoutThemTheNotifierHasNoVariableAndReliesOnTheInventoryAndTheMembers() {
        Map<String, String> settings = LambdaSettings.of(NotifierQueueTest.centralStack(DefaultContext.get()),
                Notifier.HANDLER);

        assertThat(settings).doesNotContainKey("ORGANIZATION_ACCOUNTS").containsKeys("MEMBER_PATHS",
                "COVERAGE_BUCKET");
    }

    private static JsonNode notifierEnvironment(Template template) {
        for (JsonNode function : MAPPER.valueToTree(template.findResources("AWS::Lambda::Function"))) {
            JsonNode env = function.path("Properties").path("Environment").path("Variables");
            if (env.path("POWERTOOLS_SERVICE_NAME").asText().equals(Notifier.SERVICE_NAME)) {
                return env;
            }
        }
        throw new AssertionError("no notifier function");
    }
}
