package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SQS event source's partial batch response: {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}.
 * The queue deletes every other record of the batch and shows these again after the visibility timeout. Written with
 * Jackson, which the handler already holds, rather than aws-lambda-java-events for one two-field shape.
 */
final class BatchResponse {
    private BatchResponse() {
    }

    static byte[] retry(List<String> recordIds, ObjectMapper mapper) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        recordIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return response.toString().getBytes(StandardCharsets.UTF_8);
    }
}
