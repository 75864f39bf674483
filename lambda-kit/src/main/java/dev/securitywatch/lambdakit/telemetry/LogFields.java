package dev.securitywatch.lambdakit.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Extra keys of a structured log line: {@code log.info("{}", message, field("sink", sink), ...)}. Values go through
 * Jackson, so strings from events (control characters included), numbers, booleans, lists and JSON trees all come
 * out as valid JSON of their own type; Powertools' own serializer leaves some control characters unescaped.
 */
public final class LogFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogFields() {
    }

    public static StructuredArgument field(String key, Object value) {
        try {
            return StructuredArguments.json(key, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            return StructuredArguments.json(key, "null");
        }
    }
}
