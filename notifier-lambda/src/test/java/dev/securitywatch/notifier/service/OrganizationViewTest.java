package dev.securitywatch.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.notifier.cloudtrail.ShareScope;
import dev.securitywatch.notifier.support.InventoryOnlyReports;
import dev.securitywatch.notifier.support.MovableClock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the S3 adapter's test cannot provoke; the bucket's own answers are in {@code OrganizationViewFromTheBucketTest}. */
class OrganizationViewTest {

    @Test
    void anUnexpectedFailureOfTheReadFallsBackAndLogsOnlyItsKind() {
        CoverageReports broken = new InventoryOnlyReports(() -> {
            throw new IllegalStateException("detail that may carry request data");
        });
        OrganizationView scopes = new OrganizationView(broken, Set.of("111111111111"), Set.of(),
                new MovableClock(Instant.parse("2026-12-04T05:00:00Z")), new NotifierLog());

        try (LogCapture logs = LogCapture.start()) {
            ShareScope scope = scopes.shareScope();

            assertThat(scope).isEqualTo(ShareScope.configured(Set.of("111111111111"), Set.of()));
            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line.path("message").asText())
                    .endsWith("as automation): reading memory:organization/inventory.json failed: IllegalStateException"));
        }
    }
}
