package dev.securitywatch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * With cdk.json's flags, one annotation in an app of many environments is reported once. aws-cdk-lib 2.263's
 * validation report (annotationsInValidationReport) doubles it per environment: 20 pairs overflowed Node's stack.
 */
class AnnotationsAcrossEnvironmentsTest {
    private static final int ENVIRONMENTS = 20;

    @Test
    void oneWarningAmongTwentyEnvironmentsSynthesizesAndIsReportedOnce() {
        App app = App.Builder.create().context(DefaultContext.get()).build();
        Stack warned = null;
        for (int i = 0; i < ENVIRONMENTS; i++) {
            Stack stack = new Stack(app, "Pair" + i, StackProps.builder().env(Environment.builder()
                    .account(String.format("%012d", 100000000000L + i)).region("us-east-1").build()).build());
            Queue queue = new Queue(stack, "Queue");
            if (i == 0) {
                software.amazon.awscdk.Annotations.of(queue).addWarningV2("test:one", "the one warning");
                warned = stack;
            }
        }

        assertThatCode(app::synth).doesNotThrowAnyException();
        assertThat(Annotations.fromStack(warned).findWarning("*", Match.stringLikeRegexp("the one warning.*")))
                .hasSize(1);
    }
}
