package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.UNAUTHORIZED_CALLS;
import static dev.securitywatch.catalog.Severity.LOW;
import static dev.securitywatch.catalog.EntryBuilder.anyAwsService;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** Refused API calls of any service, in every region. */
final class UnauthorizedCallsEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(UNAUTHORIZED_CALLS,
            anyAwsService("unauthorized-api-call", LOW)
                    .where("errorCode", List.of(Map.of("suffix", "UnauthorizedOperation"),
                            Map.of("prefix", "AccessDenied")))
                    .includingReadOnlyCalls().optIn()
                    .title("Unauthorized API call")
                    .reference("CIS CloudWatch.1 (3.1); opt-in because it is noisy"));

    private UnauthorizedCallsEntries() {
    }
}
