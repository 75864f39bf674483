package dev.securitywatch.notifier.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The coverage map as one JSON document: what the CLI's {@code coverage} prints and the daily run logs.
 * {@code checkedAt}, {@code gaps}, {@code organization} ({@code readAt}, {@code accounts}, {@code stale}; null when
 * not read), {@code notEnrolled}, {@code silent} (last heartbeat or null), {@code unwatchedRegions}, {@code
 * configuredButNotEnabled}, {@code securityAccount}, {@code suspendedOrClosedSkipped}, {@code limits}.
 */
public final class CoverageJson {
    private CoverageJson() {
    }

    public static ObjectNode of(Coverage coverage, ObjectMapper mapper) {
        ObjectNode report = mapper.createObjectNode().put("checkedAt", coverage.checkedAt().toString())
                .put("gaps", coverage.gaps());
        coverage.organization().ifPresentOrElse(organization -> report.putObject("organization")
                .put("readAt", organization.readAt().toString()).put("accounts", organization.accounts())
                .put("stale", organization.stale()), () -> report.putNull("organization"));
        ArrayNode notEnrolled = report.putArray("notEnrolled");
        coverage.notEnrolled().forEach(account -> notEnrolled.addObject().put("account", account.id())
                .put("name", account.name()).put("state", account.state()));
        ArrayNode silent = report.putArray("silent");
        coverage.silent().forEach(path -> silent.addObject().put("account", path.account())
                .put("region", path.region())
                .put("lastHeartbeat", path.lastHeartbeat().map(Instant::toString).orElse(null)));
        ArrayNode unwatched = report.putArray("unwatchedRegions");
        coverage.unwatchedRegions().forEach(path -> unwatched.addObject().put("account", path.account())
                .put("region", path.region()));
        ArrayNode notEnabled = report.putArray("configuredButNotEnabled");
        coverage.notEnabled().forEach(path -> notEnabled.addObject().put("account", path.account())
                .put("region", path.region()));
        report.putObject("securityAccount").put("account", coverage.securityAccount().id())
                .put("member", coverage.securityAccount().member());
        report.put("suspendedOrClosedSkipped", coverage.skipped());
        coverage.limits().forEach(report.putArray("limits")::add);
        return report;
    }
}
