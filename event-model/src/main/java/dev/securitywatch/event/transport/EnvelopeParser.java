package dev.securitywatch.event.transport;

import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.event.UnreadableMessage;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.event.transport.RecordsDecoder;
import dev.securitywatch.event.transport.SnsDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns whatever arrives into event envelopes: an EventBridge envelope, a raw CloudTrail record (wrapped as
 * EventBridge would), a bare GuardDuty or Security Hub finding, or a CloudWatch alarm's SNS notification (wrapped as
 * the alarm's EventBridge state change). Transports (an SNS or SQS Lambda event, an SNS
 * notification, a CloudTrail log file) are decoded by {@link dev.securitywatch.event.transport}, which hands each
 * message back here. Anything else becomes an {@link UnreadableMessage} that keeps the raw text.
 */
public final class EnvelopeParser {

    private static final Map<String, String> DETAIL_TYPE_BY_EVENT_TYPE = Map.of(
            "AwsApiCall", EventEnvelope.API_CALL,
            "AwsConsoleSignIn", EventEnvelope.CONSOLE_SIGN_IN,
            "AwsServiceEvent", "AWS Service Event via CloudTrail",
            "AwsConsoleAction", "AWS Console Action via CloudTrail",
            "AwsCloudTrailInsight", "AWS Insight via CloudTrail");

    private final ObjectMapper mapper;
    private final RecordsDecoder records;
    private final SnsDecoder sns;

    public EnvelopeParser(ObjectMapper mapper) {
        this.mapper = mapper;
        this.records = new RecordsDecoder(this);
        this.sns = new SnsDecoder(this);
    }

    /** Parses text that should be JSON; text that is not JSON becomes one unreadable message. */
    public List<InboundMessage> parseText(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of(new UnreadableMessage(text, "not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(new UnreadableMessage(text, "empty message"));
        }
        return parse(root);
    }

    /** Every message the JSON carries, in order; transports are unpacked, their record ids left behind. */
    public List<InboundMessage> parse(JsonNode root) {
        if (!root.isObject()) {
            return List.of(UnreadableMessage.of(root,
                    "expected a JSON object, got " + root.getNodeType().name().toLowerCase()));
        }
        if (RecordsDecoder.isRecords(root)) {
            List<InboundMessage> messages = records.decode(root).stream()
                    .flatMap(record -> record.messages().stream()).toList();
            return messages.isEmpty() ? List.of(UnreadableMessage.of(root, "no records")) : messages;
        }
        if (SnsDecoder.isNotification(root)) {
            return sns.notification(root).messages();
        }
        if (root.has("detail-type") && root.has("source")) {
            return List.of(fromEnvelope((ObjectNode) root));
        }
        if (root.has("eventSource") && root.has("eventName")) {
            return List.of(wrapCloudTrail(root));
        }
        if (isGuardDutyFinding(root)) {
            return List.of(wrapFinding(root, "aws.guardduty", "GuardDuty Finding", root,
                    text(root, "id"), text(root, "accountId"), text(root, "region"), text(root, "updatedAt")));
        }
        if (root.has("AlarmName") && root.has("NewStateValue")) {
            return List.of(wrapAlarmNotification(root));
        }
        if (root.has("AwsAccountId") && root.has("ProductArn")) {
            ObjectNode detail = mapper.createObjectNode();
            detail.putArray("findings").add(root);
            return List.of(wrapFinding(root, "aws.securityhub", "Security Hub Findings - Imported", detail,
                    text(root, "Id"), text(root, "AwsAccountId"), text(root, "Region"), text(root, "UpdatedAt")));
        }
        return List.of(UnreadableMessage.unknownShape("event", root));
    }

    private EventEnvelope fromEnvelope(ObjectNode root) {
        JsonNode detail = root.path("detail");
        return new EventEnvelope(text(root, "id"), text(root, "source"), text(root, "detail-type"),
                text(root, "account"), text(root, "region"), text(root, "time"), detail, root);
    }

    /**
     * Builds the envelope EventBridge puts around a CloudTrail record on the default bus: source from the service,
     * detail-type from the event type, and the record's own account, region and time.
     */
    /** The sign-in service's events CloudTrail types {@code AwsConsoleSignIn}, not {@code AwsApiCall}. */
    private static final Set<String> CONSOLE_SIGN_IN_NAMES = Set.of("ConsoleLogin", "CheckMfa", "SwitchRole",
            "ExitRole", "RenewRole");

    public EventEnvelope wrapCloudTrail(JsonNode record) {
        String eventSource = text(record, "eventSource");
        String eventType = text(record, "eventType");
        String detailType = eventType != null
                ? DETAIL_TYPE_BY_EVENT_TYPE.getOrDefault(eventType, EventEnvelope.API_CALL)
                // Exports that drop eventType: the sign-in events are known by source and name, as AWS types them.
                : "signin.amazonaws.com".equals(eventSource) && CONSOLE_SIGN_IN_NAMES.contains(text(record, "eventName"))
                ? EventEnvelope.CONSOLE_SIGN_IN : EventEnvelope.API_CALL;
        String id = text(record, "eventID");
        String account = text(record, "recipientAccountId");
        if (account == null) {
            account = text(record.path("userIdentity"), "accountId");
        }
        return fromEnvelope(envelope(record, EventEnvelope.sourceOf(eventSource), detailType, id, account,
                text(record, "awsRegion"), text(record, "eventTime")));
    }

    /**
     * An alarm action's SNS message as the "CloudWatch Alarm State Change" event EventBridge carries for the same
     * change, so one renderer reads both. The region comes from the alarm ARN: the message's own "Region" is a
     * display name ("US East (N. Virginia)").
     */
    private EventEnvelope wrapAlarmNotification(JsonNode message) {
        ObjectNode detail = mapper.createObjectNode();
        detail.put("alarmName", text(message, "AlarmName"));
        detail.putObject("configuration").put("description", text(message, "AlarmDescription"));
        detail.putObject("state").put("value", text(message, "NewStateValue"))
                .put("reason", text(message, "NewStateReason"))
                .put("timestamp", text(message, "StateChangeTime"));
        detail.putObject("previousState").put("value", text(message, "OldStateValue"));
        String arn = text(message, "AlarmArn");
        String region = arn != null && arn.split(":").length > 3 ? arn.split(":")[3] : null;
        return fromEnvelope(envelope(detail, EventEnvelope.CLOUDWATCH_SOURCE, EventEnvelope.ALARM_STATE_CHANGE,
                contentId(message), text(message, "AWSAccountId"), region, text(message, "StateChangeTime")));
    }

    private EventEnvelope wrapFinding(JsonNode finding, String source, String detailType, JsonNode detail, String id,
                                      String account, String region, String time) {
        return fromEnvelope(envelope(detail, source, detailType, id != null ? id : contentId(finding), account,
                region, time));
    }

    private ObjectNode envelope(JsonNode detail, String source, String detailType, String id, String account,
                                String region, String time) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id != null ? id : contentId(detail));
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", account);
        envelope.put("time", time);
        envelope.put("region", region);
        envelope.putArray("resources");
        envelope.set("detail", detail);
        return envelope;
    }

    private static boolean isGuardDutyFinding(JsonNode root) {
        String arn = text(root, "arn");
        return root.has("schemaVersion") && root.path("service").isObject() && arn != null
                && arn.contains(":guardduty:");
    }

    /** A stable id for content that carries none, so redelivery of the same content stays a duplicate. */
    private String contentId(JsonNode node) {
        return UUID.nameUUIDFromBytes(node.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
