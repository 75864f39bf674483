package dev.securitywatch.hubcheck.check;

import dev.securitywatch.hubcheck.report.MembershipReport;
import java.util.Optional;

/**
 * The result of a run that delivered its report.
 *
 * @param snapshotKey where this run's snapshot was written, empty when it could not be
 */
public record CheckOutcome(Optional<String> snapshotKey, MembershipReport report) {
}
