package dev.securitywatch.catalog.suppression;

import dev.securitywatch.catalog.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * What a suppression looks at in an alert.
 *
 * @param account   the account the event happened in (the envelope's, never a field the event chose)
 * @param actor     the stable actor identity: an assumed role without its session name
 *                  ({@code arn:aws:sts::111111111111:assumed-role/terraform}), an IAM user or root ARN; empty for
 *                  findings
 * @param eventName the API call or finding type
 * @param category  the catalog category id; empty for events outside the catalog
 */
public record SuppressionSubject(String account, Optional<String> actor, String eventName, Optional<String> category,
                                 String region, Severity severity) {
    public SuppressionSubject {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
    }
}
