package dev.securitywatch.notifier.finding;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.alert.DedupKeys;

import dev.securitywatch.notifier.render.Links;
import dev.securitywatch.notifier.render.ParameterLines;
import dev.securitywatch.notifier.render.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** GuardDuty findings ({@code detail-type} "GuardDuty Finding"). */
public final class GuardDutyRenderer {
    private final RenderSettings settings;

    public GuardDutyRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public static boolean handles(EventEnvelope envelope) {
        return "aws.guardduty".equals(envelope.source()) && "GuardDuty Finding".equals(envelope.detailType())
                && envelope.detail().isObject();
    }

    public Alert render(EventEnvelope envelope) {
        JsonNode finding = envelope.detail();
        double score = finding.path("severity").asDouble(0);
        Severity severity = FindingSeverity.ofGuardDuty(score);
        // The affected account and region are the finding's subject: a delegated administrator's copy arrives in
        // the administrator's envelope. The origin keeps any mismatch for the trust checks.
        String account = firstNonNull(text(finding, "accountId"), envelope.origin().account());
        String region = firstNonNull(text(finding, "region"), envelope.origin().region());
        String type = firstNonNull(text(finding, "type"), "unknown type");
        JsonNode service = finding.path("service");
        boolean sample = service.path("additionalInfo").path("sample").asBoolean(false);

        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("Finding type", type));
        fields.add(Field.of("Severity", String.format(Locale.ROOT, "%.1f (%s)", score,
                FindingSeverity.guardDutyLabel(score))));
        fields.add(Field.of("Resource", resource(finding.path("resource"))));
        fields.add(Field.of("Account", settings.accounts().describe(account)));
        fields.add(Field.of("Region", region == null ? "unknown" : region));
        fields.add(Field.of("Count", service.path("count").asText("1")));
        fields.add(Field.of("First seen", EventTimes.display(text(service, "eventFirstSeen"))));
        fields.add(Field.of("Last seen", EventTimes.display(firstNonNull(text(service, "eventLastSeen"),
                text(finding, "updatedAt")))));
        String actionType = text(service.path("action"), "actionType");
        if (actionType != null) {
            fields.add(Field.of("Action", actionType + remote(service.path("action"))));
        }

        List<Section> sections = new ArrayList<>();
        String description = text(finding, "description");
        if (description != null) {
            sections.add(new Section("Description", List.of(description), false));
        }
        List<String> timeline = AttackSequence.timeline(service.path("detection").path("sequence"));
        if (!timeline.isEmpty()) {
            sections.add(new Section("Attack sequence: its signals in order", timeline, false));
        }
        List<String> resourceLines = ParameterLines.of(finding.path("resource"), Set.of(), 15);
        if (!resourceLines.isEmpty()) {
            sections.add(new Section("Resource details", resourceLines, true));
        }

        List<Link> links = new ArrayList<>();
        Links.guardDutyFinding(region, text(finding, "id"))
                .ifPresent(url -> links.add(new Link("Open in GuardDuty", url)));
        Links.dashboards(settings.dashboardsUrl(), firstNonNull(text(finding, "id"), envelope.id()))
                .ifPresent(url -> links.add(new Link("Open in Dashboards", url)));

        List<String> notes = sample ? List.of("This is a GuardDuty sample finding (generated for testing).")
                : List.of();
        return new Alert(DedupKeys.envelope(envelope.id(), envelope.json().toString()), Alert.Kind.FINDING,
                severity, severity.isMoreUrgentThan(Severity.MEDIUM) ? Alert.Tone.DESTRUCTIVE : Alert.Tone.DENIED,
                "GuardDuty finding: " + type, firstNonNull(text(finding, "title"), type),
                Optional.of(Category.THREAT_FINDING.id()), account, region, List.of(), false, fields, sections, links,
                notes, Alert.Subject.of(type, EventTimes.parse(envelope.origin().timeText())));
    }

    private static String resource(JsonNode resource) {
        String type = firstNonNull(text(resource, "resourceType"), "unknown");
        String id = firstNonNull(text(resource.path("instanceDetails"), "instanceId"),
                firstNonNull(text(resource.path("accessKeyDetails"), "userName"),
                        firstNonNull(text(resource.path("eksClusterDetails"), "name"),
                                bucketName(resource))));
        return id == null ? type : type + " " + id;
    }

    private static String bucketName(JsonNode resource) {
        JsonNode buckets = resource.path("s3BucketDetails");
        return buckets.isArray() && !buckets.isEmpty() ? text(buckets.get(0), "name") : null;
    }

    private static String remote(JsonNode action) {
        for (JsonNode detail : action) {
            JsonNode remote = detail.path("remoteIpDetails");
            String ip = text(remote, "ipAddressV4");
            if (ip != null) {
                String country = text(remote.path("country"), "countryName");
                return " from " + ip + (country == null ? "" : " (" + country + ")");
            }
        }
        return "";
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
