package dev.securitywatch.notifier.cloudtrail;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.GroupBy;
import dev.securitywatch.catalog.ResourceKinds;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.ActorType;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.DedupKeys;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Kind;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.alert.Alert.Tone;
import dev.securitywatch.notifier.render.Links;
import dev.securitywatch.notifier.render.ParameterLines;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import dev.securitywatch.notifier.securitygroup.PermissionChange;
import dev.securitywatch.notifier.securitygroup.SecurityGroupChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** API calls and console sign-ins recorded by CloudTrail. */
public final class CloudTrailRenderer {
    static final String CLOUDTRAIL_DELAY_NOTE = "The CloudTrail console lists an event 2–5 minutes after it happened.";
    private static final Pattern DESTRUCTIVE = Pattern.compile("Delete|Detach|Revoke|Stop|Disable|Deactivate|Remove");
    /** Shown as the diff instead of as key: value lines. */
    private static final Set<String> SG_DIFF_PARAMETERS = Set.of("ipPermissions", "securityGroupRuleIds",
            "ModifySecurityGroupRulesRequest", "cidrIp", "ipProtocol", "fromPort", "toPort");
    private static final int MAX_PARAMETER_LINES = 40;

    private final RenderSettings settings;
    private final Supplier<ShareScope> shareScope;
    private final StackSetInstances stackSet;

    /**
     * @param shareScope where a snapshot or image share stays inside, asked only when a call shares one
     * @param stackSet   where the StackSet's remediation role is automation, asked only for that role's events
     */
    public CloudTrailRenderer(RenderSettings settings, Supplier<ShareScope> shareScope, StackSetInstances stackSet) {
        this.settings = settings;
        this.shareScope = shareScope;
        this.stackSet = stackSet;
    }

    public Alert render(EventEnvelope envelope, CloudTrailEvent event, Optional<CatalogEntry> entry) {
        Optional<List<PermissionChange>> sgChanges = SecurityGroupChanges.of(event);
        Severity base = entry.map(CatalogEntry::severity).orElse(Severity.MEDIUM);
        SeverityAssessment assessment = SeverityRules.assess(base, event, sgChanges.orElse(List.of()),
                settings.ownKeys(), shareScope);
        ChangeChannel channel = ChangeChannel.of(event, settings.deployments());
        // A deployment's change was reviewed where the template was: one level lower, never from CRITICAL and
        // never when a severity rule said what the request did (a change to Security Watch's own resources, a share
        // outside the organization).
        boolean deploymentDrop = channel == ChangeChannel.DEPLOYMENT && settings.deployments().lowersSeverity()
                && !event.failed() && !assessment.decidedByRule() && assessment.severity() != Severity.CRITICAL
                && assessment.severity() != Severity.LOW;
        Severity severity = deploymentDrop ? Severity.values()[assessment.severity().ordinal() + 1]
                : assessment.severity();
        boolean signIn = EventEnvelope.CONSOLE_SIGN_IN.equals(envelope.detailType())
                || "ConsoleLogin".equals(event.eventName());
        String account = envelope.origin().account();
        String region = envelope.origin().region();
        String resourceKind = ResourceKinds.of(entry, event);

        Kind kind;
        String headline;
        Tone tone;
        if (signIn) {
            boolean success = "Success".equals(text(event.responseElements(), "ConsoleLogin"))
                    && !event.failed();
            kind = Kind.SIGN_IN;
            headline = "Console sign-in " + (success ? "succeeded" : "failed")
                    + (event.actor().type() == ActorType.ROOT ? " as ROOT" : "")
                    + ("No".equals(text(event.additionalEventData(), "MFAUsed")) ? " without MFA" : "");
            tone = success ? (severity.isMoreUrgentThan(Severity.MEDIUM) ? Tone.DESTRUCTIVE : Tone.CHANGE)
                    : Tone.DENIED;
        } else if (event.failed()) {
            kind = Kind.DENIED;
            headline = resourceKind + " change attempted and denied (" + event.errorCode() + ")";
            tone = Tone.DENIED;
        } else {
            kind = Kind.CHANGE;
            headline = (event.actor().type() == ActorType.ROOT ? "Root user: " : "") + resourceKind
                    + " change detected";
            tone = DESTRUCTIVE.matcher(event.eventName()).find() || severity == Severity.CRITICAL
                    ? Tone.DESTRUCTIVE : Tone.CHANGE;
        }
        String title = entry.map(CatalogEntry::title).orElse(event.eventName() + " (not in the catalog)");

        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("Actor", ActorText.describe(event.actor(), account)));
        fields.add(Field.of("Account", settings.accounts().describe(account)));
        fields.add(Field.of("Region", region == null ? "unknown" : region));
        fields.add(Field.of("Event time", EventTimes.display(envelope.origin().timeText())));
        fields.add(Field.of("Event name", event.eventSource() + " " + event.eventName()));
        fields.add(Field.of("Made via", channel.label() + (deploymentDrop ? " · one severity level lower" : "")));
        String ip = event.sourceIpAddress();
        fields.add(Field.linked("Source IP", ip == null ? "unknown" : ip, Links.ipLookup(ip).orElse(null)));
        if (!assessment.sharedWith().isEmpty()) {
            fields.add(Field.of("Shared with", assessment.sharedWith().stream().map(placed ->
                    settings.accounts().describe(placed.account()) + ": " + placed.place().label())
                    .collect(Collectors.joining("; "))));
        }
        if (event.failed()) {
            fields.add(Field.of("Refused with", event.errorCode()
                    + (event.errorMessage() == null ? "" : ": " + event.errorMessage())));
        }
        if (signIn) {
            fields.add(Field.of("MFA used", firstNonNull(text(event.additionalEventData(), "MFAUsed"), "unknown")));
        }
        if (event.userAgent() != null) {
            fields.add(Field.of("User agent", event.userAgent()));
        }

        List<Section> sections = new ArrayList<>();
        sgChanges.filter(changes -> !changes.isEmpty()).ifPresent(changes -> sections.add(new Section(
                event.failed() ? "Permission changes requested (refused)" : "Permission changes",
                changes.stream().map(PermissionChange::line).toList(), true)));
        List<String> parameters = ParameterLines.of(event.requestParameters(),
                sgChanges.isPresent() ? SG_DIFF_PARAMETERS : Set.of(), MAX_PARAMETER_LINES);
        if (!parameters.isEmpty()) {
            sections.add(new Section("Request parameters", parameters, true));
        }
        if (signIn) {
            List<String> details = ParameterLines.of(event.additionalEventData(), Set.of(), 10);
            if (!details.isEmpty()) {
                sections.add(new Section("Sign-in details", details, true));
            }
        }

        List<Link> links = new ArrayList<>();
        Links.cloudTrailEvent(region, event.eventId()).ifPresent(url -> links.add(new Link("Open in CloudTrail", url)));
        String indexedId = firstNonNull(event.eventId(), envelope.id());
        Links.dashboards(settings.dashboardsUrl(), indexedId)
                .ifPresent(url -> links.add(new Link("Open in Dashboards", url)));
        sgChanges.flatMap(c -> c.stream().map(PermissionChange::groupId).filter(g -> g != null).findFirst())
                .flatMap(group -> Links.securityGroup(region, group))
                .ifPresent(url -> links.add(new Link("Security group", url)));

        List<String> notes = new ArrayList<>();
        if (event.eventId() != null) {
            notes.add(CLOUDTRAIL_DELAY_NOTE);
        }
        boolean automation = ActorText.isRemediationRole(event.actor(), account, region, settings, stackSet);
        if (automation) {
            notes.add(0, "Made by Security Watch remediation (automation), not by a person.");
        }
        return new Alert(dedupKey(event, envelope), kind, severity, tone, headline, title,
                entry.map(e -> e.category().id()), account, region, assessment.reasons(), automation, fields,
                sections, links, notes, new Alert.Subject(event.eventName(), ActorText.identity(event.actor()),
                        ResourceRefs.of(event), EventTimes.parse(envelope.origin().timeText()),
                        entry.map(CatalogEntry::groupBy).orElse(GroupBy.ACTOR)));
    }

    /** One message per CloudTrail event, however many times and routes it arrives by. */
    private static String dedupKey(CloudTrailEvent event, EventEnvelope envelope) {
        return event.eventId() != null ? "cloudtrail:" + event.eventId()
                : DedupKeys.envelope(envelope.id(), envelope.json().toString());
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
