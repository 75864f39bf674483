package dev.securitywatch.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An EventBridge event as it travels the pipeline. Raw CloudTrail records and bare findings are wrapped into the
 * envelope EventBridge would have built, so every consumer sees one shape.
 *
 * @param json the whole envelope, as EventBridge delivers it (used for pattern matching)
 */
public record EventEnvelope(String id, String source, String detailType, String account, String region, String time,
                            JsonNode detail, JsonNode json) implements InboundMessage {

    public static final String API_CALL = "AWS API Call via CloudTrail";
    public static final String CONSOLE_SIGN_IN = "AWS Console Sign In via CloudTrail";

    /** The CloudTrail record inside, when this envelope carries one. */
    public Optional<CloudTrailEvent> cloudTrailEvent() {
        return CloudTrailEvent.fromDetail(detail);
    }
}
