package dev.securitywatch.catalog;

import java.util.List;
import java.util.stream.Stream;

/**
 * The watched events: one file per category in this package, each a list of one-statement entries. The order here
 * is the catalog's order, which the README table, {@code list} and the merged forwarding patterns follow, so a
 * reordering changes the deployed rules. How to add an entry: README, "The event catalog".
 */
final class DefaultCatalog {

    private static final List<CatalogEntry> ENTRIES = Stream.of(
                    IamEntries.ENTRIES,
                    OrganizationsEntries.ENTRIES,
                    NetworkEntries.GLOBAL, // Route 53 Domains, listed with the other global services
                    RootActivityEntries.ENTRIES,
                    ConsoleSignInEntries.ENTRIES,
                    UnauthorizedCallsEntries.ENTRIES,
                    SecurityGroupEntries.ENTRIES,
                    NetworkEntries.REGIONAL,
                    LoggingEntries.ENTRIES,
                    DataProtectionEntries.ENTRIES,
                    SharingEntries.ENTRIES,
                    DatabaseEntries.ENTRIES,
                    ComputeEntries.ENTRIES,
                    MonitoringEntries.ENTRIES,
                    EdgeAndIdentityEntries.ENTRIES,
                    DataServicesEntries.ENTRIES,
                    NotificationTamperingEntries.ENTRIES,
                    PipelineTamperingEntries.ENTRIES,
                    DetectionTamperingEntries.ENTRIES,
                    ThreatFindingEntries.ENTRIES,
                    PostureFindingEntries.ENTRIES,
                    RemediationEntries.ENTRIES,
                    HealthEntries.ENTRIES)
            .flatMap(List::stream)
            .toList();

    private DefaultCatalog() {
    }

    /** Every entry of the shipped catalog, in catalog order. */
    public static List<CatalogEntry> entries() {
        return ENTRIES;
    }
}
