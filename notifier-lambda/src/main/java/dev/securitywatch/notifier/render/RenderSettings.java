package dev.securitywatch.notifier.render;

import dev.securitywatch.notifier.alert.Accounts;
import java.util.Optional;

/**
 * What the deployment tells rendering.
 *
 * @param dashboardsUrl     OpenSearch Dashboards base URL, for a link to the indexed event
 * @param mentionOnCritical add {@code <!here>} to CRITICAL messages
 */
public record RenderSettings(Accounts accounts, Optional<String> dashboardsUrl, boolean mentionOnCritical) {

    /** The role every member account gives the remediation Lambda: {@code security-watch-remediation-<region>}. */
    public static final String REMEDIATION_ROLE_PREFIX = "security-watch-remediation";

    public static RenderSettings defaults() {
        return new RenderSettings(Accounts.none(), Optional.empty(), false);
    }
}
