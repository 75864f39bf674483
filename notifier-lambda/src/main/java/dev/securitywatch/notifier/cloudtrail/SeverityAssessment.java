package dev.securitywatch.notifier.cloudtrail;

import dev.securitywatch.catalog.Severity;
import java.util.List;

/** The severity a message shows, and why it is above the catalog's when it is. */
public record SeverityAssessment(Severity severity, List<String> reasons) {
    public SeverityAssessment {
        reasons = List.copyOf(reasons);
    }
}
