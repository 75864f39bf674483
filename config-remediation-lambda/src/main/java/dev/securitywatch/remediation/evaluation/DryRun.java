package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.group.SecurityGroupStore;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import dev.securitywatch.remediation.invocation.SecurityGroupConfiguration;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.rule.LiveRule;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs the real remediation service offline: the invocation's configuration item stands in for the live group,
 * and writes, evaluations and events go nowhere. The CLI's {@code plan} and the SnapStart priming use it, so a dry
 * run is exactly what the Lambda would do to a group in that state.
 */
public final class DryRun {
    private DryRun() {
    }

    public static InvocationReport run(ConfigInvocation invocation, RemediationPlanner planner, String region) {
        RemediationService service = new RemediationService(planner, new RecordedGroup(invocation),
                new OfflineConfig(), results -> { }, region);
        return service.handle(invocation);
    }

    /** The recorded item as the live group: its rules are returned with stand-in ids, writes change nothing. */
    private static final class RecordedGroup implements SecurityGroupStore {
        private final ConfigInvocation invocation;

        RecordedGroup(ConfigInvocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public Optional<SecurityGroup> group(String groupId) {
            return Optional.of(recorded());
        }

        @Override
        public List<LiveRule> ingressRules(String groupId) {
            return recorded().ingress().stream().map(rule -> new LiveRule("recorded-" + rule.describe(), rule))
                    .toList();
        }

        private SecurityGroup recorded() {
            ConfigurationItem item = ((ConfigInvocation.ItemChange) invocation.trigger()).item();
            return SecurityGroupConfiguration.toSecurityGroup(item);
        }

        @Override
        public void revoke(String groupId, Collection<String> ruleIds) {
            // a dry run writes nothing
        }

        @Override
        public void authorize(String groupId, Collection<AuthorizedRule> rules) {
            // a dry run writes nothing
        }

        @Override
        public List<SecurityGroup> allGroups() {
            throw new InvalidInvocationException("ScheduledNotification sweeps the live groups of a region;"
                    + " plan works on configuration items");
        }
    }

    private static final class OfflineConfig implements ConfigGateway {
        @Override
        public List<String> putEvaluations(String resultToken, List<Evaluation> evaluations) {
            return List.of();
        }

        @Override
        public Optional<ConfigurationItem> itemAt(String resourceType, String resourceId, Instant captureTime) {
            throw new InvalidInvocationException("OversizedConfigurationItemChangeNotification for " + resourceId
                    + " carries no configuration; plan the item from aws configservice get-resource-config-history");
        }
    }
}
