package dev.securitywatch.notifier.bucket;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.service.CoverageReports;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reports kept in memory for one process (the CLI, the benchmarks, tests), with an inventory given up front. */
public final class InMemoryCoverageReports implements CoverageReports {
    private final Optional<OrganizationInventory> inventory;
    private final TreeMap<String, String> reports = new TreeMap<>();

    public InMemoryCoverageReports(Optional<OrganizationInventory> inventory) {
        this.inventory = inventory;
    }

    @Override
    public Optional<OrganizationInventory> inventory() {
        return inventory;
    }

    @Override
    public synchronized String save(Instant checkedAt, String json) {
        reports.put(CoverageKeys.dated(checkedAt), json);
        reports.put(CoverageKeys.LATEST, json);
        return "memory:" + CoverageKeys.dated(checkedAt);
    }

    @Override
    public String inventoryLocation() {
        return "memory:" + OrganizationInventory.KEY;
    }

    /** Key → report, for tests. */
    public synchronized Map<String, String> reports() {
        return Map.copyOf(reports);
    }
}
