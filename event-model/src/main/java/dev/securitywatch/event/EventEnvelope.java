package dev.securitywatch.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * An EventBridge event as it travels the pipeline. Raw CloudTrail records and bare findings are wrapped into the
 * envelope EventBridge would have built, so every consumer sees one shape. Whose event it is (account, region, time)
 * is decided once, when the envelope is built: consumers read {@link #origin()}, not the envelope's own fields.
 */
public final class EventEnvelope implements InboundMessage {

    public static final String API_CALL = "AWS API Call via CloudTrail";
    public static final String CONSOLE_SIGN_IN = "AWS Console Sign In via CloudTrail";
    /** The source and detail-type of the results config-remediation-lambda publishes. */
    public static final String REMEDIATION_SOURCE = "security-watch.remediation";
    public static final String REMEDIATION_DETAIL_TYPE = "Security Group Remediation";
    public static final String CLOUDWATCH_SOURCE = "aws.cloudwatch";
    public static final String ALARM_STATE_CHANGE = "CloudWatch Alarm State Change";

    private final String id;
    private final String source;
    private final String detailType;
    private final String account;
    private final String region;
    private final String time;
    private final JsonNode detail;
    private final JsonNode json;
    private final EventOrigin origin;

    /**
     * @param account the envelope's own field as delivered, null where absent (likewise region and time)
     * @param json    the whole envelope, as EventBridge delivers it (used for pattern matching)
     */
    public EventEnvelope(String id, String source, String detailType, String account, String region, String time,
                         JsonNode detail, JsonNode json) {
        this.id = id;
        this.source = source;
        this.detailType = detailType;
        this.account = account;
        this.region = region;
        this.time = time;
        this.detail = detail;
        this.json = json;
        this.origin = EventOrigin.of(source, account, region, time, detail);
    }

    /** Whose event this is: the envelope's account, region, time and source, the payload's only where it has none. */
    public EventOrigin origin() {
        return origin;
    }

    /** The CloudTrail record inside, when this envelope carries one. */
    public Optional<CloudTrailEvent> cloudTrailEvent() {
        return CloudTrailEvent.fromDetail(detail);
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String detailType() {
        return detailType;
    }

    /** The envelope's {@code account} as delivered; for whose event this is, read {@link #origin()}. */
    public String account() {
        return account;
    }

    /** The envelope's {@code region} as delivered; for whose event this is, read {@link #origin()}. */
    public String region() {
        return region;
    }

    /** The envelope's {@code time} as delivered; for when the event happened, read {@link #origin()}. */
    public String time() {
        return time;
    }

    public JsonNode detail() {
        return detail;
    }

    public JsonNode json() {
        return json;
    }

    /** Equal when delivered alike; the origin is derived from these fields. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EventEnvelope that && Objects.equals(id, that.id) && Objects.equals(source, that.source)
                && Objects.equals(detailType, that.detailType) && Objects.equals(account, that.account)
                && Objects.equals(region, that.region) && Objects.equals(time, that.time)
                && Objects.equals(detail, that.detail) && Objects.equals(json, that.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, detailType, account, region, time, detail, json);
    }

    @Override
    public String toString() {
        return "EventEnvelope[id=" + id + ", source=" + source + ", detailType=" + detailType + ", origin=" + origin
                + "]";
    }

    /**
     * EventBridge names a CloudTrail event's source after the service: {@code iam.amazonaws.com} becomes
     * {@code aws.iam}.
     */
    public static String sourceOf(String eventSource) {
        if (eventSource == null) {
            return "aws.unknown";
        }
        int dot = eventSource.indexOf('.');
        return "aws." + (dot > 0 ? eventSource.substring(0, dot) : eventSource);
    }
}
