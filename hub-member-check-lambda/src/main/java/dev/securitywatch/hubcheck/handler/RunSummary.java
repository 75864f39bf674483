package dev.securitywatch.hubcheck.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.hubcheck.check.CheckOutcome;
import dev.securitywatch.hubcheck.diff.MemberChange;
import dev.securitywatch.hubcheck.report.MembershipReport;

/** The counts and problems of a run: the handler's return value, its log line and its metrics. */
final class RunSummary {
    private RunSummary() {
    }

    static ObjectNode of(ObjectMapper mapper, CheckOutcome outcome) {
        MembershipReport report = outcome.report();
        ObjectNode summary = mapper.createObjectNode();
        summary.put("message", "membership check reported");
        summary.put("snapshotKey", outcome.snapshotKey().orElse(null));
        summary.put("baseline", report.baseline().describe());
        summary.put("regions", report.current().regions().size());
        summary.put("transitions", report.diff().ofKind(MemberChange.Kind.TRANSITION).size());
        summary.put("newMembers", report.diff().ofKind(MemberChange.Kind.NEW_MEMBER).size());
        summary.put("disappeared", report.diff().ofKind(MemberChange.Kind.DISAPPEARED).size());
        summary.put("resigned", report.findings().resigned().size());
        summary.put("notMembers", report.findings().notMembers().size());
        summary.put("outsideOrg", report.findings().outsideOrg().size());
        summary.put("suspendedButEnabled", report.findings().suspendedButEnabled().size());
        ArrayNode problems = summary.putArray("problems");
        report.problems().forEach(problem -> problems.add(problem.subject() + ": " + problem.detail()));
        return summary;
    }
}
