package dev.securitywatch.notifier.burst;

import dev.securitywatch.catalog.GroupBy;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Link;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.render.RenderSettings;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A group summary as an {@link Alert}, so the one layout that escapes text and keeps Slack's limits lays it out too.
 * It says how many events, over what time, which calls with counts, which resources, the highest severity, and lists
 * the events one line each as far as the message has room, then how many more there are; the Dashboards button
 * opens exactly the group's events.
 */
public final class SummaryAlert {
    /** Room for the event list: Slack cuts a section at 3,000 characters. */
    static final int EVENT_LIST_CHARS = 2_600;
    static final int RESOURCES_SHOWN = 15;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final RenderSettings settings;
    private final int threshold;

    public SummaryAlert(RenderSettings settings, int threshold) {
        this.settings = settings;
        this.threshold = threshold;
    }

    public Alert of(Post.Summary summary) {
        List<Alert> members = summary.members();
        Alert top = summary.mostUrgent();
        GroupKey key = summary.key();
        Optional<Instant> first = members.stream().flatMap(a -> a.subject().time().stream()).min(Comparator.naturalOrder());
        Optional<Instant> last = members.stream().flatMap(a -> a.subject().time().stream()).max(Comparator.naturalOrder());
        List<String> actors = distinct(members.stream().flatMap(a -> a.subject().actor().stream())
                .map(SummaryAlert::shortActor).toList());
        String who = key.namesOneActor() ? " by " + shortActor(key.actor())
                : key.actor().equals(GroupKey.ANY_ACTOR) ? " by " + actors.size() + " identities" : "";
        String headline = members.size() + " " + top.category().orElse("security") + " events" + who + " in "
                + settings.accounts().describe(top.accountId());

        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(key.actor().equals(GroupKey.ANY_ACTOR) ? "Actors" : "Actor", key.namesOneActor()
                ? shortActor(key.actor()) : key.actor().equals(GroupKey.ANY_ACTOR) ? firstOf(actors, 5)
                : "none (findings or unreadable input)"));
        if (key.namesOneActor()) {
            fields.add(Field.of("Identity", key.actor()));
        }
        fields.add(Field.of("Account", settings.accounts().describe(top.accountId())));
        fields.add(Field.of("Category", top.category().orElse(key.category())));
        fields.add(Field.of("Events", members.size() + (summary.criticalSeparately() == 0 ? ""
                : " (+" + summary.criticalSeparately() + " CRITICAL posted on their own)")));
        fields.add(Field.of("Time span", span(first, last)));
        fields.add(Field.of("Highest severity", top.severity().name()));
        fields.add(Field.of("Regions", String.join(", ", distinct(members.stream().map(Alert::region).toList()))));

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("What was done", counts(members), true));
        List<String> resources = distinct(members.stream().flatMap(a -> a.subject().resources().stream()).toList());
        if (!resources.isEmpty()) {
            List<String> shown = new ArrayList<>(resources.subList(0, Math.min(RESOURCES_SHOWN, resources.size())));
            if (resources.size() > RESOURCES_SHOWN) {
                shown.add("… and " + (resources.size() - RESOURCES_SHOWN) + " more");
            }
            sections.add(new Section("Resources touched (" + resources.size() + ")", shown, true));
        }
        sections.add(new Section("Events", eventLines(members), true));

        List<Link> links = new ArrayList<>();
        dashboardsSearch(key, first, last).ifPresent(url -> links.add(new Link("Open these events in Dashboards",
                url)));
        List<String> notes = List.of(summary.summaryOnly().map(by -> "Summary only, by suppression " + by.id()
                + ": " + by.reason() + " (owner " + by.owner() + ", until " + by.expires() + "). Every event is in"
                + " Dashboards and the audit log.").orElse("Grouped: more than " + threshold + " events from one"
                + " actor, account and category arrived together. CRITICAL events are always posted on their own."));
        return new Alert(summaryKey(members), top.kind(), top.severity(), top.tone(), headline,
                "Summary of " + members.size() + " events", top.category(), top.accountId(), top.region(),
                List.of(), members.stream().allMatch(Alert::automation), fields, sections, links, notes,
                new Alert.Subject("summary", !key.namesOneActor() ? Optional.empty()
                        : Optional.of(key.actor()), resources, first));
    }

    /** "arn:aws:sts::111:assumed-role/terraform" reads as "terraform (assumed role)". */
    private static String shortActor(String actor) {
        int slash = actor.lastIndexOf('/');
        if (actor.contains(":assumed-role/") && slash > 0) {
            return actor.substring(slash + 1) + " (assumed role)";
        }
        return slash > 0 ? actor.substring(slash + 1) : actor;
    }

    private static String span(Optional<Instant> first, Optional<Instant> last) {
        if (first.isEmpty()) {
            return "unknown";
        }
        String from = DateTimeFormatter.ISO_INSTANT.format(first.get());
        return first.equals(last) ? from : from + " – " + CLOCK.format(last.get()) + " UTC";
    }

    private static List<String> counts(List<Alert> members) {
        Map<String, Integer> byAction = new LinkedHashMap<>();
        members.forEach(a -> byAction.merge(a.subject().action(), 1, Integer::sum));
        return byAction.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " × " + e.getValue()).toList();
    }

    /** One line per event while the list has room, then how many more; every event is in Dashboards. */
    private static List<String> eventLines(List<Alert> members) {
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < members.size(); i++) {
            String line = line(members.get(i));
            if (used + line.length() + 1 > EVENT_LIST_CHARS - 40) {
                lines.add("… and " + (members.size() - i) + " more events (all in Dashboards and the audit log)");
                break;
            }
            lines.add(line);
            used += line.length() + 1;
        }
        return lines;
    }

    /**
     * Every event of a group as thread replies under its summary (bot-token mode): one line each, in pages that each
     * fit one message, so the thread lists every event however many there are.
     *
     * @param parentKey the summary's dedup key; each page's key derives from it
     * @param offset    how many of the group's events earlier pages or batches listed, for the page's numbering
     * @param total     the group's events in all, or -1 when unknown (a group still growing)
     */
    public List<Page> pages(String parentKey, List<Alert> members, int offset, int total) {
        List<List<Alert>> split = new ArrayList<>();
        List<Alert> page = new ArrayList<>();
        int used = 0;
        for (Alert member : members) {
            int length = line(member).length() + 1;
            if (!page.isEmpty() && used + length > EVENT_LIST_CHARS) {
                split.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(member);
            used += length;
        }
        if (!page.isEmpty()) {
            split.add(page);
        }
        List<Page> pages = new ArrayList<>();
        int from = offset;
        for (List<Alert> events : split) {
            Alert top = events.stream().min(Comparator.comparing(Alert::severity)).orElseThrow();
            String range = "Events " + (from + 1) + "–" + (from + events.size()) + (total < 0 ? "" : " of " + total);
            Alert listing = new Alert(parentKey + "#events-" + (from + 1), top.kind(), top.severity(), top.tone(),
                    range, range, top.category(), top.accountId(), top.region(), List.of(), false, List.of(),
                    List.of(new Section("Events", events.stream().map(SummaryAlert::line).toList(), true)),
                    List.of(), List.of(), new Alert.Subject("summary-page", top.subject().actor(),
                    distinct(events.stream().flatMap(a -> a.subject().resources().stream()).toList()),
                    events.get(0).subject().time()));
            pages.add(new Page(listing, List.copyOf(events)));
            from += events.size();
        }
        return pages;
    }

    /** One thread reply listing {@code events}. */
    public record Page(Alert alert, List<Alert> events) {
    }

    private static String line(Alert alert) {
        return alert.subject().time().map(CLOCK::format).orElse("--:--:--") + " " + alert.severity()
                + " " + alert.subject().action()
                + (alert.subject().resources().isEmpty() ? "" : " " + alert.subject().resources().get(0))
                + (alert.kind() == Alert.Kind.DENIED ? " (denied)" : "")
                // Grouped per account, the events differ by who acted: each line names them.
                + (alert.subject().groupBy() == GroupBy.ACCOUNT
                ? alert.subject().actor().map(actor -> " by " + shortActor(actor)).orElse("") : "");
    }

    /** "a, b, c and 4 more". */
    private static String firstOf(List<String> values, int shown) {
        String listed = String.join(", ", values.subList(0, Math.min(shown, values.size())));
        return values.size() > shown ? listed + " and " + (values.size() - shown) + " more" : listed;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        values.stream().filter(v -> v != null).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * Discover filtered to the group: its account and category, its actor (an assumed role's sessions by prefix) and
     * its time span with a minute either side — a query, not a list of ids, so it fits a button at any size.
     */
    private Optional<String> dashboardsSearch(GroupKey key, Optional<Instant> first, Optional<Instant> last) {
        Optional<String> base = settings.dashboardsUrl().filter(url -> url.startsWith("https://"));
        if (base.isEmpty() || first.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder query = new StringBuilder("cloud.account.id:\"" + quoted(key.account()) + "\"");
        if (!key.category().startsWith("kind:")) {
            query.append(" and event.category:\"").append(quoted(key.category())).append('"');
        }
        if (key.namesOneActor()) {
            query.append(" and user.arn:").append(key.actor().contains(":assumed-role/")
                    ? kqlEscape(key.actor()) + "/*" : "\"" + quoted(key.actor()) + "\"");
        }
        String url = base.get().replaceAll("/+$", "") + "/app/discover#/?_g=(time:(from:'"
                + first.get().minusSeconds(60) + "',to:'" + last.orElseThrow().plusSeconds(60) + "'))&_a="
                + encode("(query:(language:kuery,query:'" + query.toString().replace("!", "!!").replace("'", "!'")
                        + "'))");
        return Optional.of(url);
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** KQL's special characters, escaped so an ARN is one unquoted term a trailing wildcard can follow. */
    private static String kqlEscape(String value) {
        return value.replaceAll("([\\\\():<>\"*{}\\s])", "\\\\$1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One key per set of members: a redelivered batch with the same members is the same summary. */
    private static String summaryKey(List<Alert> members) {
        String joined = String.join("\n", members.stream().map(Alert::dedupKey).sorted().toList());
        return "summary:" + UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8));
    }
}
