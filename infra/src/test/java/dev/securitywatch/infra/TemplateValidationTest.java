package dev.securitywatch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;

/**
 * `npx cdk synth` skips aws-cdk-lib's default CloudFormation validation (cdk.json's app command sets CDK_VALIDATION
 * to false unless it is set): it runs once per environment and made 200 pairs three times slower. The test suite
 * keeps it: every synth here runs it, and with cdk.json's flags a schema violation fails the synth.
 */
class TemplateValidationTest {

    @Test
    void aTemplateThatBreaksCloudFormationsSchemaFailsSynthInTheTestSuite() {
        App app = App.Builder.create().context(DefaultContext.get()).build();
        Stack stack = new Stack(app, "Broken");
        CfnResource.Builder.create(stack, "Queue").type("AWS::SQS::Queue")
                .properties(Map.of("VisibilityTimeout", Map.of("not", "a number"))).build();

        assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
        assertThat(Path.of(app.getOutdir(), "validation-report.json")).content().contains("VisibilityTimeout");
    }
}
