package dev.securitywatch.hubcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.hubcheck.diff.AccountFinding;
import dev.securitywatch.hubcheck.diff.MemberChange;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import java.util.List;

/**
 * The machine-readable result of a comparison, as the CLI prints it:
 * {@code {"changes":[{"region","accountId","from","to"}], "resigned":[{"region","accountId"}], "notMembers":[...],
 * "outsideOrg":[...], "suspendedButEnabled":[...]}}. {@code from: null} marks a new member, {@code to: null} one
 * that disappeared.
 */
public final class ReportJson {
    private final ObjectMapper mapper;

    public ReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toJson(MembershipReport report) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode changes = root.putArray("changes");
        for (MemberChange change : report.diff().changes()) {
            ObjectNode row = changes.addObject().put("region", change.region()).put("accountId", change.accountId());
            row.put("from", spelling(change.from()));
            row.put("to", spelling(change.to()));
        }
        findings(root.putArray("resigned"), report.findings().resigned(), false, false);
        findings(root.putArray("notMembers"), report.findings().notMembers(), false, true);
        findings(root.putArray("outsideOrg"), report.findings().outsideOrg(), true, false);
        findings(root.putArray("suspendedButEnabled"), report.findings().suspendedButEnabled(), true, true);
        return root;
    }

    private static void findings(ArrayNode rows, List<AccountFinding> findings, boolean withStatus,
                                 boolean withState) {
        for (AccountFinding finding : findings) {
            ObjectNode row = rows.addObject().put("region", finding.region()).put("accountId", finding.accountId());
            if (withStatus) {
                row.put("memberStatus", spelling(finding.memberStatus()));
            }
            if (withState) {
                row.put("state", finding.orgState());
            }
        }
    }

    private static String spelling(MemberStatus status) {
        return status == null ? null : status.spelling();
    }
}
