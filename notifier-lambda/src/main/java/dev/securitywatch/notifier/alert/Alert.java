package dev.securitywatch.notifier.alert;

import dev.securitywatch.catalog.GroupBy;
import dev.securitywatch.catalog.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Slack message says, before layout. Every string is plain text as it came from the event: the layout
 * escapes and cuts it, so no renderer can forget to.
 *
 * @param dedupKey    one Slack message per key (the CloudTrail eventID, the EventBridge id, or a content hash)
 * @param headline    the top line, e.g. "Security group change detected"
 * @param title       what happened in catalog words, e.g. "Security group changed"
 * @param category    the catalog category id, for routing; empty for unclassified events
 * @param reasons     why the severity is what it is, when it was raised above the catalog's
 * @param automation  made by this project's own remediation role
 * @param fields      short label/value facts (actor, account, region, time, ...)
 * @param sections    longer blocks: a security-group diff, request parameters, finding details, raw JSON
 * @param links       buttons; the first is the primary one
 * @param notes       small print under the message (e.g. "CloudTrail shows the event 2–5 minutes late")
 * @param subject     who did what to which resources, in stable identifiers: what grouping and threads key on
 */
public record Alert(String dedupKey, Kind kind, Severity severity, Tone tone, String headline, String title,
                    Optional<String> category, String accountId, String region, List<String> reasons,
                    boolean automation, List<Field> fields, List<Section> sections, List<Link> links,
                    List<String> notes, Subject subject) {

    /** What sort of message this is; it decides the emoji and the wording of the summary. */
    public enum Kind { CHANGE, DENIED, SIGN_IN, FINDING, REMEDIATION, FALLBACK, DIGEST, HEALTH }

    /** The attachment colour. */
    public enum Tone {
        DESTRUCTIVE("#eb4034"), CHANGE("#0c3f7d"), DENIED("#e8a317"), GOOD("#2eb67d"), NEUTRAL("#8d8d8d");

        private final String hex;

        Tone(String hex) {
            this.hex = hex;
        }

        public String hex() {
            return hex;
        }
    }

    /** @param url makes the value a link when present (trusted, built by the renderer) */
    public record Field(String label, String value, Optional<String> url) {
        public static Field of(String label, String value) {
            return new Field(label, value, Optional.empty());
        }

        public static Field linked(String label, String value, String url) {
            return new Field(label, value, Optional.ofNullable(url));
        }
    }

    /** @param preformatted lines shown in a code block (diffs, key: value, raw JSON) rather than as text */
    public record Section(String heading, List<String> lines, boolean preformatted) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    public record Link(String label, String url) {
    }

    /**
     * The machine-readable core of an alert.
     *
     * @param action    the API call, finding type or message kind, e.g. {@code AuthorizeSecurityGroupIngress}
     * @param actor     a stable identity of who acted, without session names (see {@code ActorText#identity}), so
     *                  one tool's many sessions read as one actor; empty for findings and unreadable input
     * @param resources what was acted on, as {@code type:id} (e.g. {@code security-group:sg-0123}), most specific
     *                  first; ids are unique within the alert's account and region
     * @param time      when it happened, as the event says; empty when unreadable
     * @param groupBy   how a burst of such alerts groups: per actor, or per account whoever acted (the catalog
     *                  entry's choice)
     */
    public record Subject(String action, Optional<String> actor, List<String> resources, Optional<Instant> time,
                          GroupBy groupBy) {
        public Subject {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actor, "actor");
            resources = List.copyOf(resources);
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(groupBy, "groupBy");
        }

        /** Grouped per actor, the default. */
        public Subject(String action, Optional<String> actor, List<String> resources, Optional<Instant> time) {
            this(action, actor, resources, time, GroupBy.ACTOR);
        }

        public static Subject of(String action, Optional<Instant> time) {
            return new Subject(action, Optional.empty(), List.of(), time);
        }
    }

    /** This alert with a warning as its first section, e.g. that the event contradicts where it came from. */
    public Alert withWarning(String heading, String warning) {
        List<Section> withWarning = new ArrayList<>();
        withWarning.add(new Section(heading, List.of(warning), false));
        withWarning.addAll(sections);
        return new Alert(dedupKey, kind, severity, tone, headline, title, category, accountId, region, reasons,
                automation, fields, withWarning, links, notes, subject);
    }

    /** This alert at a lower severity, with a note first in the small print saying who lowered it and why. */
    public Alert downgradedTo(Severity lower, String note) {
        List<String> withNote = new ArrayList<>();
        withNote.add(note);
        withNote.addAll(notes);
        return new Alert(dedupKey, kind, lower, tone, headline, title, category, accountId, region, reasons,
                automation, fields, sections, links, withNote, subject);
    }

    public Alert {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(severity, "severity");
        reasons = List.copyOf(reasons);
        fields = List.copyOf(fields);
        sections = List.copyOf(sections);
        links = List.copyOf(links);
        notes = List.copyOf(notes);
        Objects.requireNonNull(subject, "subject");
    }
}
