package dev.securitywatch.notifier.service;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the coverage check and the share severity ({@link OrganizationView}) read the organization, and where the coverage
 * check keeps its daily report (port; the membership watch's bucket in production, memory in the CLI and the
 * benchmarks).
 */
public interface CoverageReports {

    /**
     * The organization's newest inventory, empty when none has been written yet.
     *
     * @throws CoverageReportsUnavailableException when it cannot be read or is not an inventory
     */
    Optional<OrganizationInventory> inventory();

    /**
     * Keeps the day's report as the latest one and under its date.
     *
     * @return where it was kept, for people
     * @throws CoverageReportsUnavailableException when it cannot be written
     */
    String save(Instant checkedAt, String json);

    /** Where the inventory is read from, for people. */
    String inventoryLocation();

    /** The bucket could not be read or written, or held something else than expected. */
    class CoverageReportsUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CoverageReportsUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
