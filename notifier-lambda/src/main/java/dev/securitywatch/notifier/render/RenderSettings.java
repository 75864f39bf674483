package dev.securitywatch.notifier.render;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.notifier.alert.Accounts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the deployment tells rendering.
 *
 * @param dashboardsUrl     OpenSearch Dashboards base URL, for a link to the indexed event
 * @param mentionOnCritical add {@code <!here>} to CRITICAL messages
 * @param members           the configured member accounts and their regions: only their remediation roles are
 *                          automation
 * @param ownKeys           the ARNs of Security Watch's own KMS keys (the alerts and health topics' key, ...): KMS
 *                          requests name a key by id, never by a name the project chose
 * @param deployments       the roles deployments run as, and whether their changes drop a severity level
 */
public record RenderSettings(Accounts accounts, Optional<String> dashboardsUrl, boolean mentionOnCritical,
                             Map<String, List<String>> members, Set<String> ownKeys, Deployments deployments) {

    public RenderSettings {
        members = Map.copyOf(members);
        ownKeys = Set.copyOf(ownKeys);
        Objects.requireNonNull(deployments, "deployments");
    }

    /** These settings with {@code names} instead of {@link #accounts()}. */
    public RenderSettings withAccounts(Accounts names) {
        return new RenderSettings(names, dashboardsUrl, mentionOnCritical, members, ownKeys, deployments);
    }

    public static RenderSettings defaults() {
        return new RenderSettings(Accounts.none(), Optional.empty(), false, Map.of(), Set.of(), Deployments.DEFAULTS);
    }

    /**
     * {@code alerts.deploymentRoles} (role names; a trailing {@code *} matches a prefix, as CDK's generated
     * {@code cdk-hnb659fds-cfn-exec-role-*}) and {@code alerts.deploymentLowersSeverity}: a change a deployment made
     * drops one severity level, never from CRITICAL.
     */
    public record Deployments(List<String> roles, boolean lowersSeverity) {
        public static final Deployments DEFAULTS = new Deployments(List.of(), true);

        public Deployments {
            roles = List.copyOf(roles);
        }

        public boolean isDeploymentRole(String roleName) {
            return roleName != null && roles.stream().anyMatch(role -> role.endsWith("*")
                    ? roleName.startsWith(role.substring(0, role.length() - 1)) : role.equals(roleName));
        }
    }

    /**
     * The one role whose changes in {@code account} and {@code region} are this project's automation: the
     * remediation role of that region (a per-account stack's or the StackSet's, see {@link MemberNames}), in that
     * account, when the account is a member configured for that region; or the StackSet's remediation role where
     * the StackSet has an instance ({@code stackSet}). A role of the same name elsewhere, a look-alike name or an
     * account neither configured nor enrolled by the StackSet is a person.
     */
    public boolean isRemediationRole(String roleAccount, String roleName, String account, String region,
                                     StackSetInstances stackSet) {
        if (account == null || region == null || !account.equals(roleAccount)) {
            return false;
        }
        if (MemberNames.remediationRoles(region).contains(roleName)
                && members.getOrDefault(account, List.of()).contains(region)) {
            return true;
        }
        return MemberNames.STACKSET.remediationRole(region).equals(roleName) && stackSet.has(account, region);
    }
}
