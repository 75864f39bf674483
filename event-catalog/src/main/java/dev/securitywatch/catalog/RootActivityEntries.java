package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.ROOT_ACTIVITY;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.EntryBuilder.anyAwsService;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** The root user, in every region: sign-in is logged where the endpoint is. */
final class RootActivityEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(ROOT_ACTIVITY,
            anyAwsService("root-activity", CRITICAL)
                    .detailTypes(CatalogEntry.API_CALL, CatalogEntry.CONSOLE_SIGN_IN)
                    .where("userIdentity", Map.of("type", List.of("Root"),
                            "invokedBy", List.of(Map.of("exists", false))))
                    .includingReadOnlyCalls()
                    .title("Root user activity")
                    .reference("CIS CloudWatch.1 (3.3)"));

    private RootActivityEntries() {
    }
}
