package dev.securitywatch.hubcheck.report;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import dev.securitywatch.hubcheck.diff.AccountFinding;
import dev.securitywatch.hubcheck.diff.MemberChange;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.chat.format.Mrkdwn;
import dev.securitywatch.chat.format.SlackLimits;
import dev.securitywatch.chat.format.TextBudget;
import dev.securitywatch.chat.format.Truncation;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a {@link MembershipReport} as one Block Kit message: a dated header, what it was compared with, one
 * section per change class, the Resigned accounts on every run, the Organizations cross-checks, and any problem.
 * An account listed in several regions is one line naming its regions, so the lists stay short.
 */
public final class SlackReportRenderer {
    private static final int MAX_NAME_CHARS = 60;
    private static final int MAX_DETAIL_CHARS = 300;
    private static final int MAX_CONTEXT_CHARS = 1000;
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz",
            Locale.ROOT);

    private final SectionBudget budget;

    public SlackReportRenderer(SectionBudget budget) {
        this.budget = budget;
    }

    public SlackMessage render(MembershipReport report) {
        Composer out = new Composer(report);
        out.header(header(report));
        out.context(comparedWith(report));
        out.section(summary(report));
        out.divider();

        List<String> baselineRegions = report.isBaseline()
                ? List.copyOf(report.current().regions().keySet())
                : report.diff().newRegions();
        if (!baselineRegions.isEmpty()) {
            out.baseline(baselineRegions);
        }
        if (!report.isBaseline() && report.diff().changes().isEmpty()) {
            out.section(":white_check_mark: *No change* in Security Hub membership since the last snapshot.");
        }
        out.changes("Transitions", MemberChange.Kind.TRANSITION,
                change -> status(change.from()) + " → " + status(change.to()));
        out.changes("New members", MemberChange.Kind.NEW_MEMBER, change -> "new, " + status(change.to()));
        out.changes("Disappeared members", MemberChange.Kind.DISAPPEARED,
                change -> "was " + status(change.from()) + ", no longer listed");
        out.findings(":warning: *Resigned*", report.findings().resigned(), finding -> "", "none");
        if (report.findings().organizationRead()) {
            out.findings("*Organization accounts not enrolled in Security Hub*", report.findings().notMembers(),
                    finding -> "", null);
            out.findings("*Members outside the organization*", report.findings().outsideOrg(),
                    finding -> status(finding.memberStatus()), null);
            out.findings("*Enabled in Security Hub but suspended or closed*",
                    report.findings().suspendedButEnabled(),
                    finding -> status(finding.memberStatus()) + ", " + safe(finding.orgState()) + " in Organizations",
                    null);
        }
        if (!report.problems().isEmpty()) {
            out.list(":x: *Could not complete*", report.problems().stream()
                    .map(problem -> "• " + safe(problem.subject()) + ": " + safe(problem.detail()))
                    .toList());
        }
        if (!report.isBaseline() && !report.diff().droppedRegions().isEmpty()) {
            out.context("Not compared: " + String.join(", ", report.diff().droppedRegions())
                    + " (in the previous snapshot, not in this one).");
        }
        report.snapshotLocation().ifPresent(location -> out.context("Full snapshot: " + safe(location)));
        return new SlackMessage(Truncation.cut(fallbackText(report), SlackLimits.TOP_LEVEL_TEXT), out.blocks);
    }

    private static String header(MembershipReport report) {
        return "Security Hub membership · " + report.runDate() + " ("
                + report.runDate().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + ")";
    }

    private static String comparedWith(MembershipReport report) {
        String regions = "Regions: " + String.join(", ", report.current().regions().keySet());
        if (report.baseline() instanceof Baseline.Compared compared) {
            // A legacy file's time is only its day: its name says that better than an invented hour.
            String which = compared.takenAt().filter(takenAt -> !compared.legacy())
                    .map(takenAt -> "of " + shown(takenAt, report))
                    .orElse(safe(compared.key()));
            StringBuilder older = new StringBuilder();
            compared.olderRegions().forEach((region, takenAt) -> older.append(" · ").append(region)
                    .append(" compared with the snapshot of ").append(shown(takenAt, report))
                    .append(" (missing from the latest)"));
            return "Compared with the " + (compared.legacy() ? "legacy " : "") + "snapshot " + which + older + " · "
                    + regions;
        }
        if (report.baseline() instanceof Baseline.Unreadable unreadable) {
            return ":warning: The previous snapshot " + safe(unreadable.key()) + " could not be read ("
                    + safe(unreadable.reason()) + "), so this run is a new baseline · " + regions;
        }
        return "First snapshot: no earlier snapshot exists, so this run is the baseline · " + regions;
    }

    private static String shown(Instant instant, MembershipReport report) {
        return SHOWN_TIME.format(instant.atZone(report.zone()));
    }

    private static String summary(MembershipReport report) {
        List<String> parts = new ArrayList<>();
        if (!report.isBaseline()) {
            parts.add(count(report.diff().ofKind(MemberChange.Kind.TRANSITION).size(), "transition"));
            parts.add(count(report.diff().ofKind(MemberChange.Kind.NEW_MEMBER).size(), "new member"));
            parts.add(report.diff().ofKind(MemberChange.Kind.DISAPPEARED).size() + " disappeared");
        }
        parts.add(report.findings().resigned().size() + " resigned");
        if (report.findings().organizationRead()) {
            parts.add(report.findings().notMembers().size() + " not enrolled");
            parts.add(report.findings().outsideOrg().size() + " outside the organization");
            parts.add(report.findings().suspendedButEnabled().size() + " suspended but Enabled");
        } else {
            parts.add("Organizations not checked");
        }
        int members = report.current().regions().values().stream().mapToInt(List::size).sum();
        return "*" + count(members, "member") + "* in " + count(report.current().regions().size(), "region") + ": "
                + String.join(" · ", parts);
    }

    /** The notification text, and the whole message where blocks are not shown: counts only, no event text. */
    private static String fallbackText(MembershipReport report) {
        List<String> parts = new ArrayList<>();
        int changes = report.diff().changes().size();
        if (report.isBaseline()) {
            parts.add("baseline");
        } else {
            parts.add(changes == 0 ? "no change" : count(changes, "change"));
        }
        parts.add(report.findings().resigned().size() + " resigned");
        addIfAny(parts, report.findings().notMembers().size(), " not enrolled");
        addIfAny(parts, report.findings().outsideOrg().size(), " outside the organization");
        addIfAny(parts, report.findings().suspendedButEnabled().size(), " suspended but Enabled");
        if (!report.problems().isEmpty()) {
            parts.add(count(report.problems().size(), "problem"));
        }
        return "Security Hub membership " + report.runDate() + ": " + String.join(", ", parts);
    }

    private static void addIfAny(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + what);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String status(MemberStatus status) {
        return safe(status.spelling());
    }

    private static String safe(String untrusted) {
        return safe(untrusted, MAX_DETAIL_CHARS);
    }

    /** Escaped for mrkdwn, on one line (a line break could fake a report line), then cut: in that order. */
    private static String safe(String untrusted, int maxChars) {
        String oneLine = untrusted.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return Truncation.cut(Mrkdwn.escape(oneLine), maxChars);
    }

    /** Builds the blocks of one message within Slack's limits and the message's text budget. */
    private final class Composer {
        private final MembershipReport report;
        private final String overflowHint;
        private final TextBudget budgetLeft = TextBudget.forMessage();
        private final List<LayoutBlock> blocks = new ArrayList<>();

        Composer(MembershipReport report) {
            this.report = report;
            this.overflowHint = report.snapshotLocation().map(location -> " in " + safe(location)).orElse("");
        }

        void header(String text) {
            blocks.add(HeaderBlock.builder().text(PlainTextObject.builder()
                    .text(budgetLeft.fit(text, SlackLimits.HEADER_TEXT)).build()).build());
        }

        void context(String mrkdwn) {
            blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                    .text(budgetLeft.fit(mrkdwn, MAX_CONTEXT_CHARS)).build())).build());
        }

        void section(String mrkdwn) {
            blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder()
                    .text(budgetLeft.fit(mrkdwn, SlackLimits.SECTION_TEXT)).build()).build());
        }

        void divider() {
            blocks.add(DividerBlock.builder().build());
        }

        void list(String title, List<String> lines) {
            blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder()
                    .text(budget.fit(title, lines, overflowHint, budgetLeft)).build()).build());
        }

        void changes(String title, MemberChange.Kind kind, Function<MemberChange, String> detail) {
            List<MemberChange> changes = report.diff().ofKind(kind);
            if (!changes.isEmpty()) {
                accounts("*" + title + "*", changes.stream()
                        .map(change -> new Entry(change.accountId(), detail.apply(change), change.region()))
                        .toList());
            }
        }

        /** {@code empty} is the text shown for an empty list, or {@code null} to leave the section out. */
        void findings(String title, List<AccountFinding> findings, Function<AccountFinding, String> detail,
                      String empty) {
            if (!findings.isEmpty()) {
                accounts(title, findings.stream()
                        .map(finding -> new Entry(finding.accountId(), detail.apply(finding), finding.region()))
                        .toList());
            } else if (empty != null) {
                section(title + ": " + empty);
            }
        }

        void baseline(List<String> regions) {
            List<String> lines = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            for (String region : regions) {
                List<Member> members = report.current().members(region);
                Map<String, Long> byStatus = members.stream().collect(Collectors.groupingBy(
                        member -> member.status().spelling(), TreeMap::new, Collectors.counting()));
                lines.add("• " + region + ": " + (members.isEmpty() ? "no members" : byStatus.entrySet().stream()
                        .map(entry -> entry.getValue() + " " + safe(entry.getKey()))
                        .collect(Collectors.joining(" · "))));
                members.forEach(member -> entries.add(new Entry(member.accountId(), status(member.status()), region)));
            }
            lines.addAll(lines(entries));
            list(report.isBaseline() ? "*Current membership (baseline)*"
                    : "*First snapshot of " + String.join(", ", regions) + " (baseline)*", lines);
        }

        private void accounts(String title, List<Entry> entries) {
            long accounts = entries.stream().map(Entry::accountId).distinct().count();
            list(title + " · " + count((int) accounts, "account"), lines(entries));
        }

        /** One line per account and detail, naming the regions it applies to ("all N regions" when it is all). */
        private List<String> lines(List<Entry> entries) {
            Map<String, List<String>> regionsByLine = new LinkedHashMap<>();
            entries.stream()
                    .sorted(Comparator.comparing(Entry::accountId).thenComparing(Entry::region))
                    .forEach(entry -> regionsByLine.computeIfAbsent(prefix(entry), key -> new ArrayList<>())
                            .add(entry.region()));
            List<String> lines = new ArrayList<>();
            int watched = report.current().regions().size();
            regionsByLine.forEach((line, regions) -> lines.add(line + " · " + (watched > 1 && regions.size() == watched
                    ? "all " + watched + " regions" : String.join(", ", regions))));
            return lines;
        }

        private String prefix(Entry entry) {
            String name = report.names().nameOf(entry.accountId())
                    .map(n -> " (" + safe(n, MAX_NAME_CHARS) + ")")
                    .orElse("");
            return "• `" + entry.accountId() + "`" + name + (entry.detail().isEmpty() ? "" : ": " + entry.detail());
        }
    }

    private record Entry(String accountId, String detail, String region) {
    }
}
