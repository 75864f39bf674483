package dev.securitywatch.hubcheck.report;

import dev.securitywatch.hubcheck.diff.MembershipDiff;
import dev.securitywatch.hubcheck.diff.StandingFindings;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one run found, before it is rendered for Slack.
 *
 * @param runDate          the run's date in the schedule's time zone (the report header)
 * @param zone             the schedule's time zone, for showing times
 * @param current          the snapshot this run took
 * @param baseline         what it was compared with
 * @param diff             the changes; empty when there is no usable earlier snapshot
 * @param findings         the state that is reported on every run
 * @param problems         reads or writes that failed
 * @param snapshotLocation where the full snapshot was written, e.g. {@code s3://bucket/key}, if it was
 */
public record MembershipReport(LocalDate runDate, ZoneId zone, MembershipSnapshot current, Baseline baseline,
                               MembershipDiff diff, StandingFindings findings, List<Problem> problems,
                               AccountNames names, Optional<String> snapshotLocation) {

    public MembershipReport {
        problems = List.copyOf(problems);
    }

    /**
     * Compares {@code current} with {@code previous} (empty for a baseline) and gathers the standing findings.
     *
     * @param administrators the Security Hub administrator account(s), never reported as unenrolled
     * @param configuredNames the team's account names, preferred over Organizations' names
     */
    public static MembershipReport compare(LocalDate runDate, ZoneId zone, MembershipSnapshot current,
                                           Optional<MembershipSnapshot> previous, Baseline baseline,
                                           Set<String> administrators, Map<String, String> configuredNames,
                                           List<Problem> problems, Optional<String> snapshotLocation) {
        MembershipDiff diff = previous.map(earlier -> MembershipDiff.between(earlier, current))
                .orElseGet(MembershipDiff::none);
        return new MembershipReport(runDate, zone, current, baseline, diff,
                StandingFindings.of(current, administrators), problems, AccountNames.of(configuredNames, current),
                snapshotLocation);
    }

    public boolean isBaseline() {
        return !(baseline instanceof Baseline.Compared);
    }
}
