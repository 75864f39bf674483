package dev.securitywatch.hubcheck.check;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run covers.
 *
 * @param regions           the regions whose membership is snapshotted (Security Hub membership is regional)
 * @param centralRegion     where a legacy single-region snapshot belongs when it cannot be matched otherwise
 * @param readOrganizations whether to list the organization's accounts for the cross-checks
 * @param zone              the schedule's time zone: the report's date and times
 * @param accountNames      account id → the team's name for it
 */
public record CheckSettings(List<String> regions, String centralRegion, boolean readOrganizations, ZoneId zone,
                            Map<String, String> accountNames) {
    public CheckSettings {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        Objects.requireNonNull(centralRegion, "centralRegion");
        Objects.requireNonNull(zone, "zone");
        accountNames = Map.copyOf(accountNames);
    }
}
