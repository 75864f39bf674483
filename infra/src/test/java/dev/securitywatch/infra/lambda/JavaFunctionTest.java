package dev.securitywatch.infra.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.sqs.Queue;

class JavaFunctionTest {

    private static JavaFunction.Spec notifier(Map<String, String> environment) {
        return JavaFunction.Spec.of("notifier-lambda",
                "dev.securitywatch.notifier.handler.NotifierHandler::handleRequest", "test", 512,
                Duration.seconds(10), environment);
    }

    private static Annotations synthesize(Map<String, String> environment) {
        Stack stack = new Stack(new App(), "EnvironmentSize");
        new JavaFunction(stack, "Notifier", notifier(environment));
        return Annotations.fromStack(stack);
    }

    /** About 5 KB: the names of 150 accounts. */
    private static String manyAccountNames() {
        StringBuilder names = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            names.append(i == 0 ? "" : ",").append("\"1111111").append(String.format("%05d", i))
                    .append("\":\"workload-account-").append(i).append('"');
        }
        return names.append('}').toString();
    }

    @Test
    void anEnvironmentOverLambdasLimitFailsSynthNamingTheVariable() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ACCOUNT_NAMES", manyAccountNames());

        assertThat(synthesize(environment).findError("*", Match.stringLikeRegexp(".*over Lambda's 4 KB limit.*"
                + "ACCOUNT_NAMES.*Spec.withFileSettings.*"))).hasSize(1);
    }

    @Test
    void settingsThatGrowWithTheDeploymentTravelInALayerOutsideTheLimit() {
        Stack stack = new Stack(new App(), "FileSettings");
        new JavaFunction(stack, "Notifier", notifier(Map.of("SECURITY_ACCOUNT", "123456789012"))
                .withFileSettings(Map.of("ACCOUNT_NAMES", manyAccountNames())));

        assertThat(LambdaSettings.of(stack, "NotifierHandler"))
                .containsEntry("ACCOUNT_NAMES", manyAccountNames())
                .containsEntry("SECURITY_ACCOUNT", "123456789012")
                .containsEntry("SETTINGS_FILE", "/opt/security-watch/settings.json");
        assertThat(Annotations.fromStack(stack).findError("*", Match.anyValue())).isEmpty();
    }

    @Test
    void anOrdinaryEnvironmentPasses() {
        assertThat(synthesize(Map.of("ACCOUNT_NAMES", "{\"111111111111\":\"prod\"}"))
                .findError("*", Match.anyValue())).isEmpty();
    }

    @Test
    void anUnresolvedValueIsCountedAsALongName() {
        Stack stack = new Stack(new App(), "Tokens");
        String queueUrl = Queue.Builder.create(stack, "Q").build().getQueueUrl();

        assertThat(JavaFunction.environmentBytes(Map.of("URL", queueUrl)))
                .isEqualTo(3 + JavaFunction.TOKEN_ESTIMATE_BYTES);
    }
}
