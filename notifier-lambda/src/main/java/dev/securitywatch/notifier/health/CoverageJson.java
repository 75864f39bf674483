package dev.securitywatch.notifier.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The coverage map as one JSON document: what the CLI's {@code coverage} prints and the daily run logs.
 * {@code checkedAt}, {@code gaps}, {@code expectedPaths}, {@code organization} ({@code readAt}, {@code accounts},
 * {@code stale}; null when not read), {@code notEnrolled}, {@code silent} (last heartbeat or null), {@code
 * unwatchedRegions}, {@code configuredButNotEnabled}, {@code stackSet} (null outside {@code stackset} mode: {@code
 * name}, {@code regions}, {@code instances} (null when not read), {@code problems}, {@code regionNotEnabled}, {@code
 * migration.proven}, {@code migration.notYetProven}), {@code securityAccount}, {@code suspendedOrClosedSkipped},
 * {@code limits}.
 */
public final class CoverageJson {
    private CoverageJson() {
    }

    public static ObjectNode of(Coverage coverage, ObjectMapper mapper) {
        ObjectNode report = mapper.createObjectNode().put("checkedAt", coverage.checkedAt().toString())
                .put("gaps", coverage.gaps()).put("expectedPaths", coverage.expectedPaths());
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
        paths(report.putArray("unwatchedRegions"), coverage.unwatchedRegions());
        paths(report.putArray("configuredButNotEnabled"), coverage.notEnabled());
        coverage.stackSet().ifPresentOrElse(stackSet -> stackSet(report.putObject("stackSet"), stackSet),
                () -> report.putNull("stackSet"));
        report.putObject("securityAccount").put("account", coverage.securityAccount().id())
                .put("member", coverage.securityAccount().member());
        report.put("suspendedOrClosedSkipped", coverage.skipped());
        coverage.limits().forEach(report.putArray("limits")::add);
        return report;
    }

    private static void stackSet(ObjectNode json, Coverage.StackSet stackSet) {
        json.put("name", stackSet.target().name());
        stackSet.target().regions().forEach(json.putArray("regions")::add);
        stackSet.instances().ifPresentOrElse(count -> json.put("instances", count), () -> json.putNull("instances"));
        ArrayNode problems = json.putArray("problems");
        stackSet.problems().forEach(instance -> problems.addObject().put("account", instance.account())
                .put("region", instance.region()).put("problem", instance.problem()));
        paths(json.putArray("regionNotEnabled"), stackSet.regionNotEnabled());
        ObjectNode migration = json.putObject("migration");
        paths(migration.putArray("proven"), stackSet.proven());
        paths(migration.putArray("notYetProven"), stackSet.notYetProven());
    }

    private static void paths(ArrayNode json, List<Coverage.Unwatched> paths) {
        paths.forEach(path -> json.addObject().put("account", path.account()).put("region", path.region()));
    }
}
