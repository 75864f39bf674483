package dev.securitywatch.notifier.remediation;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.alert.Alert.Tone;
import dev.securitywatch.notifier.alert.DedupKeys;
import dev.securitywatch.notifier.render.Links;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.securitygroup.PermissionChange;
import dev.securitywatch.notifier.securitygroup.PermissionChange.Change;
import dev.securitywatch.notifier.securitygroup.PermissionChange.Direction;
import dev.securitywatch.notifier.securitygroup.PermissionChange.Peer;
import dev.securitywatch.notifier.securitygroup.PermissionChange.PeerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What config-remediation-lambda did to a security group ({@code security-watch.remediation} events). */
public final class RemediationRenderer {
    private final RenderSettings settings;

    public RemediationRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public static boolean handles(EventEnvelope envelope) {
        return Catalog.REMEDIATION_SOURCE.equals(envelope.source()) && envelope.detail().isObject();
    }

    public Alert render(EventEnvelope envelope) {
        JsonNode detail = envelope.detail();
        String groupId = text(detail, "groupId");
        String account = envelope.origin().account();
        String region = envelope.origin().region();
        String mode = or(text(detail, "mode"), "unknown");
        String compliance = or(text(detail, "compliance"), "unknown");
        String error = text(detail, "error");

        List<String> diff = new ArrayList<>();
        rules(detail.path("revoked"), Change.REMOVE, groupId).forEach(c -> diff.add(c.line()));
        rules(detail.path("authorized"), Change.ADD, groupId).forEach(c -> diff.add(c.line()));
        for (JsonNode kept : detail.path("kept")) {
            rule(kept.path("rule"), Change.KEEP, groupId).ifPresent(c -> diff.add(c.line() + " — kept: "
                    + or(text(kept, "reason"), "no reason given")));
        }
        List<PermissionChange> violations = rules(detail.path("violations"), Change.VIOLATION, groupId);
        boolean reportOnly = "REPORT_ONLY".equals(mode);
        if (reportOnly) {
            violations.forEach(c -> diff.add(c.line() + " — outside the allow-list, not revoked (report only)"));
        }
        int revoked = detail.path("revoked").size();
        int added = detail.path("authorized").size();

        Severity severity;
        Tone tone;
        String headline;
        List<String> reasons = new ArrayList<>();
        if (error != null) {
            severity = Severity.HIGH;
            tone = Tone.DESTRUCTIVE;
            headline = "Security group remediation failed";
            reasons.add("remediation failed");
        } else if (reportOnly && !violations.isEmpty()) {
            boolean dangerous = violations.stream()
                    .anyMatch(v -> v.opensToInternet() && v.reachesAdminOrDatabasePort());
            severity = dangerous ? Severity.HIGH : Severity.MEDIUM;
            if (dangerous) {
                reasons.add("internet ingress to an admin or database port left open (report only)");
            }
            tone = Tone.DENIED;
            headline = "Security group violates the ingress allow-list (report only)";
        } else if (revoked + added > 0) {
            severity = Severity.MEDIUM;
            tone = Tone.GOOD;
            List<String> done = new ArrayList<>();
            if (revoked > 0) {
                done.add(named("revoked", rules(detail.path("revoked"), Change.REMOVE, groupId)));
            }
            if (added > 0) {
                done.add(named("added", rules(detail.path("authorized"), Change.ADD, groupId)));
            }
            headline = "Security group remediated: " + String.join("; ", done);
        } else {
            severity = Severity.LOW;
            tone = "NON_COMPLIANT".equals(compliance) ? Tone.DENIED : Tone.GOOD;
            headline = "Security group checked: " + compliance.toLowerCase().replace('_', ' ') + ", no changes";
        }

        List<Field> fields = new ArrayList<>();
        String name = text(detail, "groupName");
        fields.add(Field.of("Security group", (groupId == null ? "unknown" : groupId)
                + (name == null ? "" : " (" + name + ")")));
        fields.add(Field.of("Account", settings.accounts().describe(account)));
        fields.add(Field.of("Region", region == null ? "unknown" : region));
        fields.add(Field.of("VPC", or(text(detail, "vpcId"), "unknown")));
        fields.add(Field.of("Mode", mode));
        fields.add(Field.of("Compliance", compliance));
        fields.add(Field.of("Changed by", or(text(detail, "actor"), "unknown")));
        fields.add(Field.of("Config captured", EventTimes.display(text(detail, "configurationItemCaptureTime"))));

        List<Section> sections = new ArrayList<>();
        if (!diff.isEmpty()) {
            sections.add(new Section("Rule changes", diff, true));
        }
        String annotation = text(detail, "annotation");
        if (annotation != null) {
            sections.add(new Section("Annotation", List.of(annotation), false));
        }
        String special = text(detail, "special");
        String advice = text(detail, "advice");
        if (special != null || advice != null) {
            sections.add(new Section("Not changed automatically" + (special == null ? "" : " (" + special + ")"),
                    List.of(or(advice, "This group is handled by hand.")), false));
        }
        if (error != null) {
            sections.add(new Section("Error", List.of(error), true));
        }

        List<Link> links = new ArrayList<>();
        Links.securityGroup(region, groupId).ifPresent(url -> links.add(new Link("Open security group", url)));
        Links.dashboards(settings.dashboardsUrl(), envelope.id())
                .ifPresent(url -> links.add(new Link("Open in Dashboards", url)));
        return new Alert(DedupKeys.envelope(envelope.id(), envelope.json().toString()), Alert.Kind.REMEDIATION,
                severity, tone, headline, "Security group remediation by Security Watch",
                Optional.of(Category.REMEDIATION.id()), account, region, reasons, false, fields, sections, links, List.of(),
                new Alert.Subject("SecurityGroupRemediation", Optional.empty(),
                        groupId == null ? List.of() : List.of("security-group:" + groupId),
                        EventTimes.parse(envelope.origin().timeText())));
    }

    private static List<PermissionChange> rules(JsonNode list, Change change, String groupId) {
        List<PermissionChange> changes = new ArrayList<>();
        for (JsonNode rule : list) {
            rule(rule, change, groupId).ifPresent(changes::add);
        }
        return changes;
    }

    private static Optional<PermissionChange> rule(JsonNode rule, Change change, String groupId) {
        if (!rule.isObject()) {
            return Optional.empty();
        }
        JsonNode source = rule.path("source");
        PeerType type = switch (or(text(source, "type"), "")) {
            case "cidr6" -> PeerType.CIDR6;
            case "prefixList" -> PeerType.PREFIX_LIST;
            case "securityGroup" -> PeerType.SECURITY_GROUP;
            default -> PeerType.CIDR4;
        };
        return Optional.of(new PermissionChange(change, Direction.INGRESS, text(rule, "protocol"),
                rule.has("fromPort") ? rule.path("fromPort").asInt() : null,
                rule.has("toPort") ? rule.path("toPort").asInt() : null,
                new Peer(type, or(text(source, "value"), "(unknown)")), groupId, null));
    }

    /** "revoked tcp/22 from 0.0.0.0/0" for a rule or two, so the channel reads what was done; a count beyond. */
    private static String named(String verb, List<PermissionChange> rules) {
        if (rules.size() > 2) {
            return verb + " " + rules.size() + " rules";
        }
        return verb + " " + String.join(", ", rules.stream()
                .map(rule -> rule.ports() + " from " + rule.peer().value()).toList());
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
