package dev.securitywatch.notifier.cloudtrail;

import dev.securitywatch.catalog.Severity;
import java.util.List;

/**
 * The severity a message shows, and why it is above or below the catalog's when it is.
 *
 * @param decidedByRule a rule judged what the request did and raised, lowered or held the severity: a deployment
 *                      does not lower it
 * @param sharedWith    the accounts a snapshot or image share adds, and where each stands; empty for any other call
 */
public record SeverityAssessment(Severity severity, List<String> reasons, boolean decidedByRule,
                                 List<ShareScope.Placed> sharedWith) {
    public SeverityAssessment {
        reasons = List.copyOf(reasons);
        sharedWith = List.copyOf(sharedWith);
    }
}
