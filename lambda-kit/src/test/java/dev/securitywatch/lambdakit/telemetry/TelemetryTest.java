package dev.securitywatch.lambdakit.telemetry;

import static dev.securitywatch.lambdakit.telemetry.LogFields.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.testing.FakeLambdaContext;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.lambdakit.testing.MetricsCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Powertools logging and metrics as the Lambdas use them, read back from the real output. */
class TelemetryTest {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryTest.class);
    private static final String ARN = "arn:aws:lambda:eu-west-1:111111111111:function:security-watch-test:live";

    @Test
    void linesInAnInvocationCarryItsKeysAndTypedFields() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            try (Invocation ignored = Invocation.start(new FakeLambdaContext(ARN, 1_000))) {
                LOG.warn("{}", "rendered as {} fallback", field("raw", "a\u0001b\"c"), field("attempts", 3),
                        field("throttled", true), field("result", new ObjectMapper().readTree("{\"a\":[1]}")));
            }
            LOG.info("{}", "outside");

            List<JsonNode> lines = logs.lines();
            JsonNode inside = lines.get(0);
            assertThat(inside.path("level").asText()).isEqualTo("WARN");
            assertThat(inside.path("message").asText()).isEqualTo("rendered as {} fallback");
            assertThat(inside.path("function_request_id").asText()).isEqualTo(FakeLambdaContext.REQUEST_ID);
            assertThat(inside.path("function_name").asText()).isEqualTo("security-watch-test");
            assertThat(inside.path("cold_start").isBoolean()).isTrue();
            assertThat(inside.path("service").asText()).isEqualTo("security-watch-lambda-kit");
            assertThat(inside.path("raw").asText()).isEqualTo("a\u0001b\"c");
            assertThat(inside.path("attempts").isInt()).isTrue();
            assertThat(inside.path("throttled").isBoolean()).isTrue();
            assertThat(inside.path("result").path("a").get(0).asInt()).isEqualTo(1);
            assertThat(inside.has("timestamp")).isTrue();
            assertThat(lines.get(1).hasNonNull("function_request_id")).as("keys end with the invocation").isFalse();
        }
    }

    @Test
    void onlyTheFirstInvocationOfTheProcessIsTheColdStart() {
        try (LogCapture logs = LogCapture.start()) {
            for (int i = 0; i < 2; i++) {
                try (Invocation ignored = Invocation.start(new FakeLambdaContext(ARN, 1_000))) {
                    LOG.info("{}", "invocation");
                }
            }
            assertThat(logs.withMessage("invocation").get(1).path("cold_start").asBoolean()).isFalse();
        }
    }

    @Test
    void metricsAreOneEmfLineInTheSecurityWatchNamespaceWithTheServiceDimension() {
        try (MetricsCapture stdout = MetricsCapture.start()) {
            LambdaMetrics.publish(metrics -> {
                metrics.addMetric("Delivered", 2, MetricUnit.COUNT);
                metrics.addMetadata("logGroup", "/aws/events");
            });

            JsonNode line = stdout.single();
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("SecurityWatch");
            assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
            assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("Delivered");
            assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
            assertThat(line.path("Service").asText()).isEqualTo("security-watch-lambda-kit");
            assertThat(line.path("Delivered").asInt()).isEqualTo(2);
            assertThat(line.path("logGroup").asText()).isEqualTo("/aws/events");
        }
    }
}
