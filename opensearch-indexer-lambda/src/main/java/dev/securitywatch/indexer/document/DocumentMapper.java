package dev.securitywatch.indexer.document;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.event.Actor;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventOrigin;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an event envelope into the documents auditors search. A CloudTrail record keeps its own top-level fields
 * (the template types them); findings and other events keep their {@code detail} whole. Every document also gets
 * the normalised cross-source fields ({@code event.*}, {@code cloud.*}, {@code user.*}, {@code source.ip},
 * {@code user_agent.original}) so one query spans CloudTrail, GuardDuty, Security Hub and remediation results.
 */
public final class DocumentMapper {
    /** CloudTrail fields whose shape differs per API: indexed as {@code flat_object}, which takes any shape. */
    public static final Set<String> FREE_FORM_FIELDS = Set.of("requestParameters", "responseElements",
            "additionalEventData", "serviceEventDetails");
    /** OpenSearch rejects longer ids; longer natural ids are replaced by a stable hash of themselves. */
    private static final int MAX_ID_BYTES = 512;

    private final ObjectMapper mapper;
    private final CatalogMatcher matcher;
    private final IndexWindow window;

    public DocumentMapper(ObjectMapper mapper, Catalog catalog, IndexWindow window) {
        this.mapper = mapper;
        this.matcher = new CatalogMatcher(catalog);
        this.window = window;
    }

    /**
     * The documents for one envelope: one, except for a Security Hub event that carries several findings, which
     * gives one document per finding (each finding has its own id and lifecycle).
     *
     * @param arrivedAt when the event reached the log (the log event's time): the time of an event that carries none,
     *                  and what its own time is checked against before it may name a monthly index
     */
    public List<IndexedDocument> map(EventEnvelope envelope, Instant arrivedAt) {
        Optional<CatalogEntry> entry = matcher.primaryEntry(envelope);
        // Only AWS may put an aws.* source on a bus; any other source could carry a record made up to look like one.
        Optional<CloudTrailEvent> cloudTrail = envelope.source() != null && envelope.source().startsWith("aws.")
                ? envelope.cloudTrailEvent() : Optional.empty();
        if (cloudTrail.isPresent()) {
            return List.of(cloudTrailDocument(envelope, cloudTrail.get(), entry, arrivedAt));
        }
        JsonNode findings = envelope.detail().path("findings");
        if ("aws.securityhub".equals(envelope.source()) && findings.isArray() && findings.size() > 0) {
            List<IndexedDocument> documents = new ArrayList<>();
            for (JsonNode finding : findings) {
                ObjectNode detail = mapper.createObjectNode();
                detail.putArray("findings").add(finding);
                documents.add(detailDocument(envelope, detail, Finding.securityHub(finding), entry, arrivedAt));
            }
            return documents;
        }
        Finding finding = "aws.guardduty".equals(envelope.source()) ? Finding.guardDuty(envelope.detail()) : null;
        return List.of(detailDocument(envelope, envelope.detail(), finding, entry, arrivedAt));
    }

    private IndexedDocument cloudTrailDocument(EventEnvelope envelope, CloudTrailEvent event,
                                               Optional<CatalogEntry> entry, Instant arrivedAt) {
        ObjectNode source = event.record().deepCopy();
        for (String field : FREE_FORM_FIELDS) {
            wrapNonObject(source, field);
        }
        normaliseResources(source);
        // Some exports write readOnly as a string; the template types it boolean.
        source.remove("readOnly");
        if (event.readOnly() != null) {
            source.put("readOnly", event.readOnly());
        }
        Instant time = envelope.origin().time().orElse(arrivedAt);
        String id = firstNonNull(event.eventId(), envelope.id(), contentId(event.record()));
        ObjectNode normalised = normalisedEvent(source, id, time, entry, "event");
        flagContradiction(normalised, envelope);
        normalised.put("action", event.eventName());
        normalised.put("provider", event.eventSource());
        normalised.put("type", envelope.detailType());
        normalised.put("outcome", failed(event) ? "failure" : "success");
        putCloud(source, envelope.origin());
        putUser(source, event.actor());
        putSource(source, event.sourceIpAddress());
        if (event.userAgent() != null) {
            source.putObject("user_agent").put("original", event.userAgent());
        }
        putEventBridge(source, envelope);
        return document(time, arrivedAt, id, source);
    }

    /**
     * An event whose payload names another account or region than the envelope it arrived in is stored as it
     * arrived and flagged ({@code event.origin_mismatch}), as the notifier flags it: a forged event would look so.
     * Findings are exempt, since a delegated administrator's copy is about another account by design.
     */
    private static void flagContradiction(ObjectNode event, EventEnvelope envelope) {
        ArrayNode fields = null;
        for (EventOrigin.Mismatch mismatch : envelope.origin().mismatches()) {
            if (mismatch.field().equals("account") || mismatch.field().equals("region")) {
                if (fields == null) {
                    fields = event.putArray("origin_mismatch");
                }
                fields.add(mismatch.field());
            }
        }
    }

    /** A console sign-in that failed is logged without an errorCode: the response says "Failure". */
    private static boolean failed(CloudTrailEvent event) {
        return event.failed() || "Failure".equals(text(event.responseElements(), "ConsoleLogin"));
    }

    private IndexedDocument detailDocument(EventEnvelope envelope, JsonNode detail, Finding finding,
                                           Optional<CatalogEntry> entry, Instant arrivedAt) {
        ObjectNode source = mapper.createObjectNode();
        if (!detail.isMissingNode() && !detail.isNull()) {
            source.set("detail", detail.isObject() ? detail : mapper.createObjectNode().set("value", detail));
        }
        Instant time = findingTime(finding).or(() -> envelope.origin().time()).orElse(arrivedAt);
        String id = firstNonNull(finding == null ? null : finding.versionId(), envelope.id(), contentId(detail));
        boolean remediation = Catalog.REMEDIATION_SOURCE.equals(envelope.source());
        ObjectNode normalised = normalisedEvent(source, id, time, entry,
                finding != null ? "alert" : remediation ? "state" : "event");
        normalised.put("action", finding != null && finding.type() != null ? finding.type() : envelope.detailType());
        normalised.put("provider", envelope.source());
        normalised.put("type", envelope.detailType());
        if (finding == null) {
            flagContradiction(normalised, envelope);
        }
        if (remediation) {
            normalised.put("outcome", text(detail, "error") == null ? "success" : "failure");
        } else {
            normalised.put("outcome", "unknown");
        }
        if (finding != null) {
            putCloud(source, firstNonNull(finding.account(), envelope.origin().account()),
                    firstNonNull(finding.region(), envelope.origin().region()));
        } else {
            putCloud(source, envelope.origin());
        }
        String actor = remediation ? text(detail, "actor") : null;
        if (actor != null) {
            source.putObject("user").put("name", actor);
        }
        if (finding != null) {
            finding.writeTo(source.putObject("finding"));
        }
        putEventBridge(source, envelope);
        return document(time, arrivedAt, id, source);
    }

    private ObjectNode normalisedEvent(ObjectNode source, String id, Instant time,
                                       Optional<CatalogEntry> entry, String kind) {
        source.put("@timestamp", time.toString());
        ObjectNode event = source.putObject("event");
        event.put("id", id);
        event.put("kind", kind);
        entry.ifPresent(e -> {
            event.put("category", e.category().id());
            event.put("severity", e.severity().name());
            ObjectNode rule = source.putObject("rule");
            rule.put("id", e.id());
            rule.put("name", e.title());
            rule.put("reference", e.reference());
        });
        return event;
    }

    /** Whose event it is: the envelope's account and region, the payload's only where the envelope has none. */
    private static void putCloud(ObjectNode source, EventOrigin origin) {
        putCloud(source, origin.account(), origin.region());
    }

    /**
     * A finding is about a resource in its own account and region, which a delegated administrator's copy does not
     * share with its envelope: the finding's subject is stored as before, and the origin still records the mismatch.
     */
    private static void putCloud(ObjectNode source, String account, String region) {
        ObjectNode cloud = source.putObject("cloud");
        cloud.put("provider", "aws");
        if (account != null) {
            cloud.putObject("account").put("id", account);
        }
        if (region != null) {
            cloud.put("region", region);
        }
    }

    private static Optional<Instant> findingTime(Finding finding) {
        return finding == null ? Optional.empty() : EventTimes.parse(finding.time());
    }

    private static void putUser(ObjectNode source, Actor actor) {
        ObjectNode user = source.putObject("user");
        user.put("name", actor.name());
        user.put("type", actor.type().cloudTrailName());
        if (actor.arn() != null) {
            user.put("arn", actor.arn());
        }
        if (actor.principalId() != null) {
            user.put("id", actor.principalId());
        }
        if (actor.sessionName() != null) {
            user.put("session_name", actor.sessionName());
        }
    }

    private static void putSource(ObjectNode source, String address) {
        if (address == null) {
            return;
        }
        ObjectNode node = source.putObject("source");
        if (IpAddresses.isIpLiteral(address)) {
            node.put("ip", address);
        } else {
            // "ec2.amazonaws.com", "AWS Internal": a caller, but not an address.
            node.put("domain", address);
        }
    }

    private static void putEventBridge(ObjectNode source, EventEnvelope envelope) {
        ObjectNode eventBridge = source.putObject("aws").putObject("eventbridge");
        eventBridge.put("id", envelope.id());
        eventBridge.put("source", envelope.source());
        eventBridge.put("detail_type", envelope.detailType());
        eventBridge.put("account", envelope.account());
        eventBridge.put("region", envelope.region());
        eventBridge.put("time", envelope.time());
        JsonNode resources = envelope.json().path("resources");
        if (resources.isArray() && resources.size() > 0) {
            eventBridge.set("resources", resources);
        }
    }

    private void wrapNonObject(ObjectNode source, String field) {
        JsonNode value = source.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            source.set(field, mapper.createObjectNode().set("value", value));
        }
    }

    /** {@code resources} is typed as objects ({@code ARN}, {@code type}); some exports list bare ARN strings. */
    private void normaliseResources(ObjectNode source) {
        JsonNode resources = source.get("resources");
        if (resources == null || resources.isNull() || resources.isObject()) {
            return;
        }
        ArrayNode normalised = mapper.createArrayNode();
        for (JsonNode resource : resources.isArray() ? resources : mapper.createArrayNode().add(resources)) {
            if (resource.isObject()) {
                normalised.add(resource);
            } else if (!resource.isNull()) {
                normalised.addObject().put("ARN", resource.asText());
            }
        }
        source.set("resources", normalised);
    }

    private IndexedDocument document(Instant time, Instant arrivedAt, String id, ObjectNode source) {
        return new IndexedDocument(window.index(time, arrivedAt), boundedId(id), source);
    }

    static String boundedId(String id) {
        if (id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
            return id;
        }
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String contentId(JsonNode node) {
        return UUID.nameUUIDFromBytes(node.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
