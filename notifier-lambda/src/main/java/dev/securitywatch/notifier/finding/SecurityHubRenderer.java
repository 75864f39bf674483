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
import dev.securitywatch.notifier.render.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Security Hub findings: ASFF ("Security Hub Findings - Imported", custom actions) and OCSF ("Findings Imported V2").
 * One message per event; each finding gets a section, the most severe decides the message severity.
 */
public final class SecurityHubRenderer {
    static final int MAX_FINDINGS_SHOWN = 8;

    private final RenderSettings settings;

    public SecurityHubRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public static boolean handles(EventEnvelope envelope) {
        JsonNode findings = envelope.detail().path("findings");
        return "aws.securityhub".equals(envelope.source()) && findings.isArray() && !findings.isEmpty()
                && findings.get(0).isObject();
    }

    /** One finding, read from either format. */
    private record Finding(String id, String title, String label, String account, String region, String resource,
                           String status, String product, String description, String updatedAt) {
    }

    public Alert render(EventEnvelope envelope) {
        List<Finding> findings = new ArrayList<>();
        envelope.detail().path("findings").forEach(f -> findings.add(isOcsf(f) ? ocsf(f, envelope) : asff(f, envelope)));
        Finding top = findings.stream().min((a, b) -> FindingSeverity.ofLabel(a.label())
                .compareTo(FindingSeverity.ofLabel(b.label()))).orElseThrow();
        Severity severity = FindingSeverity.ofLabel(top.label());
        boolean ocsf = isOcsf(envelope.detail().path("findings").get(0));

        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("Severity", top.label() == null ? "unknown" : top.label()));
        fields.add(Field.of("Account", settings.accounts().describe(top.account())));
        fields.add(Field.of("Region", top.region() == null ? "unknown" : top.region()));
        fields.add(Field.of("Resource", top.resource()));
        fields.add(Field.of("Status", top.status()));
        fields.add(Field.of("Product", top.product()));
        fields.add(Field.of("Updated", EventTimes.display(top.updatedAt())));
        if (findings.size() > 1) {
            fields.add(Field.of("Findings in this event", String.valueOf(findings.size())));
        }

        List<Section> sections = new ArrayList<>();
        for (Finding finding : findings.subList(0, Math.min(findings.size(), MAX_FINDINGS_SHOWN))) {
            List<String> lines = new ArrayList<>();
            lines.add((finding.label() == null ? "" : finding.label() + " · ") + finding.title());
            lines.add("Resource: " + finding.resource() + " · account " + finding.account() + " · "
                    + finding.region());
            if (finding.description() != null) {
                lines.add(finding.description());
            }
            sections.add(new Section(findings.size() == 1 ? "Finding" : "Finding: " + finding.title(), lines, false));
        }
        if (findings.size() > MAX_FINDINGS_SHOWN) {
            sections.add(new Section("More findings", List.of("… and " + (findings.size() - MAX_FINDINGS_SHOWN)
                    + " more findings in this event"), false));
        }

        List<Link> links = new ArrayList<>();
        Links.securityHubFinding(top.region(), top.id()).ifPresent(url -> links.add(new Link("Open in Security Hub",
                url)));
        Links.dashboards(settings.dashboardsUrl(), top.id() != null ? top.id() : envelope.id())
                .ifPresent(url -> links.add(new Link("Open in Dashboards", url)));

        return new Alert(DedupKeys.envelope(envelope.id(), envelope.json().toString()), Alert.Kind.FINDING,
                severity, severity.isMoreUrgentThan(Severity.MEDIUM) ? Alert.Tone.DESTRUCTIVE : Alert.Tone.DENIED,
                "Security Hub finding" + (ocsf ? " (OCSF)" : "") + ": " + top.title(), top.title(),
                Optional.of(Category.POSTURE_FINDING.id()), top.account(), top.region(), List.of(), false, fields, sections,
                links, List.of(), Alert.Subject.of("Security Hub finding", EventTimes.parse(top.updatedAt())));
    }

    private static boolean isOcsf(JsonNode finding) {
        return finding.has("finding_info") || finding.has("class_uid") || finding.has("metadata");
    }

    private static Finding asff(JsonNode f, EventEnvelope envelope) {
        JsonNode severity = f.path("Severity");
        String label = text(severity, "Label");
        if (label == null && severity.has("Normalized")) {
            label = FindingSeverity.labelOfNormalized(severity.path("Normalized").asInt());
        }
        JsonNode resources = f.path("Resources");
        String resource = resources.isArray() && !resources.isEmpty()
                ? or(text(resources.get(0), "Type"), "resource") + " " + or(text(resources.get(0), "Id"), "")
                : "unknown";
        String status = or(text(f.path("Workflow"), "Status"), or(text(f, "WorkflowState"), "unknown"))
                + or(prefixed(" · compliance ", text(f.path("Compliance"), "Status")), "")
                + or(prefixed(" · ", text(f, "RecordState")), "");
        return new Finding(text(f, "Id"), or(text(f, "Title"), "untitled finding"), label,
                or(text(f, "AwsAccountId"), envelope.origin().account()), or(text(f, "Region"), envelope.origin().region()),
                resource.trim(), status, or(text(f, "ProductName"), or(text(f, "ProductArn"), "unknown")),
                text(f, "Description"), text(f, "UpdatedAt"));
    }

    private static Finding ocsf(JsonNode f, EventEnvelope envelope) {
        JsonNode info = f.path("finding_info");
        JsonNode cloud = f.path("cloud");
        JsonNode resources = f.path("resources");
        String resource = resources.isArray() && !resources.isEmpty()
                ? or(text(resources.get(0), "type"), "resource") + " " + or(text(resources.get(0), "uid"), "")
                : "unknown";
        String status = or(text(f, "status"), "unknown")
                + or(prefixed(" · compliance ", text(f.path("compliance"), "status")), "");
        return new Finding(or(text(info, "uid"), text(f, "uid")), or(text(info, "title"), "untitled finding"),
                text(f, "severity"), or(text(cloud.path("account"), "uid"), envelope.origin().account()),
                or(text(cloud, "region"), envelope.origin().region()), resource.trim(), status,
                or(text(f.path("metadata").path("product"), "name"), "unknown"),
                or(text(info, "desc"), text(f, "message")), or(text(f, "time_dt"), text(info, "modified_time_dt")));
    }

    private static String prefixed(String prefix, String value) {
        return value == null ? null : prefix + value;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
