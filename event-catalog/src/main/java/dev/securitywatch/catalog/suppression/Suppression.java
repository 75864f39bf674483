package dev.securitywatch.catalog.suppression;

import dev.securitywatch.catalog.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A decision that some alerts are noise, with who made it, why, and until when. Nothing is suppressed forever: the
 * entry stops applying after its expiry date, and the weekly digest shows what it hid.
 *
 * @param id              a short name, unique in the list: what logs, metrics and the digest call it
 * @param expires         the last day it applies (through 23:59:59 UTC)
 * @param includeCritical whether CRITICAL alerts are suppressed too; without it they always post as they are
 */
public record Suppression(String id, Match match, Action action, String reason, String owner, LocalDate expires,
                          boolean includeCritical) {

    /** What happens to a matching alert. Every action still leaves the event in the audit index. */
    public enum Action {
        /** Not posted at all; counted in the digest. */
        DROP,
        /** Never a message of its own: posted only as a line of a summary, whatever the group's size. */
        SUMMARY_ONLY,
        /** Posted one severity lower, saying why. */
        DOWNGRADE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Action> fromId(String id) {
            for (Action action : values()) {
                if (action.id().equals(id)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Which alerts the entry covers: all given selectors must match, and an absent selector matches anything. At
     * least one is required, so no entry silences everything by accident.
     */
    public record Match(Set<String> accounts, Optional<ActorGlob> actorArn, Set<String> eventNames,
                        Set<String> categories, Set<String> regions) {
        public Match {
            accounts = Set.copyOf(accounts);
            Objects.requireNonNull(actorArn, "actorArn");
            eventNames = Set.copyOf(eventNames);
            categories = Set.copyOf(categories);
            regions = Set.copyOf(regions);
        }

        public boolean matches(SuppressionSubject subject) {
            return selects(accounts, subject.account())
                    && actorArn.map(glob -> subject.actor().map(glob::matches).orElse(false)).orElse(true)
                    && selects(eventNames, subject.eventName())
                    && (categories.isEmpty() || subject.category().map(categories::contains).orElse(false))
                    && selects(regions, subject.region());
        }

        boolean isEmpty() {
            return accounts.isEmpty() && actorArn.isEmpty() && eventNames.isEmpty() && categories.isEmpty()
                    && regions.isEmpty();
        }

        /** One line for the digest, e.g. {@code accounts 111111111111 · actor arn:... · events CreateTags}. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            part(text, "accounts", accounts);
            actorArn.ifPresent(glob -> part(text, "actor", Set.of(glob.glob())));
            part(text, "events", eventNames);
            part(text, "categories", categories);
            part(text, "regions", regions);
            return text.toString();
        }

        private static void part(StringBuilder text, String label, Set<String> values) {
            if (!values.isEmpty()) {
                text.append(text.isEmpty() ? "" : " · ").append(label).append(' ')
                        .append(String.join(", ", values.stream().sorted().toList()));
            }
        }

        private static boolean selects(Set<String> values, String value) {
            return values.isEmpty() || values.contains(value);
        }
    }

    public Suppression {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
    }

    /** Whether it still applies at {@code now}: through the whole of its expiry day, in UTC. */
    public boolean activeAt(Instant now) {
        return now.isBefore(endOfLife());
    }

    /** The first instant it no longer applies. */
    public Instant endOfLife() {
        return expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether this entry covers the alert: it matches, and a CRITICAL alert only when the entry says so. */
    public boolean covers(SuppressionSubject subject) {
        return (subject.severity() != Severity.CRITICAL || includeCritical) && match.matches(subject);
    }

    static List<String> actionIds() {
        return Arrays.stream(Action.values()).map(Action::id).toList();
    }
}
