package dev.securitywatch.notifier.support;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.notifier.service.CoverageReports;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Reports whose inventory a test scripts (to count its reads, or to fail them); nothing is saved. */
public final class InventoryOnlyReports implements CoverageReports {
    private final Supplier<Optional<OrganizationInventory>> inventory;

    public InventoryOnlyReports(Supplier<Optional<OrganizationInventory>> inventory) {
        this.inventory = inventory;
    }

    @Override
    public Optional<OrganizationInventory> inventory() {
        return inventory.get();
    }

    @Override
    public String save(Instant checkedAt, String json) {
        throw new UnsupportedOperationException("not saved here");
    }

    @Override
    public String inventoryLocation() {
        return "memory:" + OrganizationInventory.KEY;
    }
}
