package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.group.SecurityGroupStore;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.ConfigurationItem;
import dev.securitywatch.remediation.invocation.SecurityGroupConfiguration;
import dev.securitywatch.remediation.plan.RemediationPlanner;
import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.ResultPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one Config rule invocation: decides per item or sweeps the region, publishes result events for violations,
 * then reports every evaluation to Config in batches of 100. Result events go first, so a Config failure (the one
 * failure that throws and makes Lambda retry) never loses the record of a change already made.
 */
public final class RemediationService {
    private final GroupRemediator remediator;
    private final SecurityGroupStore groups;
    private final ConfigGateway config;
    private final ResultPublisher publisher;
    private final String region;

    public RemediationService(RemediationPlanner planner, SecurityGroupStore groups, ConfigGateway config,
                              ResultPublisher publisher, String region) {
        this.remediator = new GroupRemediator(planner, groups);
        this.groups = groups;
        this.config = config;
        this.publisher = publisher;
        this.region = region;
    }

    /** Remediates and reports to Config: {@link #remediate} then {@link #reportToConfig}. */
    public InvocationReport handle(ConfigInvocation invocation) {
        InvocationReport report = remediate(invocation);
        return report.withWarnings(reportToConfig(invocation.resultToken(), report.evaluations()));
    }

    /** Evaluates, fixes and publishes result events; Config is not told yet. */
    public InvocationReport remediate(ConfigInvocation invocation) {
        List<GroupOutcome> outcomes = invocation.trigger() instanceof ConfigInvocation.Scheduled scheduled
                ? sweep(scheduled.notificationTime())
                : itemChange((ConfigInvocation.ItemChange) invocation.trigger()).stream().toList();
        List<String> warnings = new ArrayList<>();
        List<RemediationResult> results = outcomes.stream().flatMap(outcome -> outcome.result().stream()).toList();
        if (!results.isEmpty()) {
            try {
                publisher.publish(results);
            } catch (ResultPublisher.PublishException e) {
                warnings.add("result events not published: " + e.getMessage());
            }
        }
        return new InvocationReport(outcomes.stream().map(GroupOutcome::evaluation).toList(), results, warnings);
    }

    /** Puts the evaluations in batches of 100; returns warnings for any Config rejected. Throws if Config fails. */
    public List<String> reportToConfig(String resultToken, List<Evaluation> evaluations) {
        List<String> warnings = new ArrayList<>();
        for (int from = 0; from < evaluations.size(); from += ConfigGateway.MAX_EVALUATIONS_PER_CALL) {
            List<Evaluation> batch = evaluations.subList(from,
                    Math.min(evaluations.size(), from + ConfigGateway.MAX_EVALUATIONS_PER_CALL));
            List<String> rejected = config.putEvaluations(resultToken, batch);
            if (!rejected.isEmpty()) {
                warnings.add("Config rejected evaluations for " + String.join(", ", rejected));
            }
        }
        return warnings;
    }

    /** Empty only when Config named no resource at all (an empty item that left scope): nothing to report. */
    private Optional<GroupOutcome> itemChange(ConfigInvocation.ItemChange change) {
        ConfigurationItem item = change.item();
        if (item.resourceId() == null) {
            return Optional.empty();
        }
        if (change.leftScope()) {
            return Optional.of(notApplicable(item, "resource left the rule's scope"));
        }
        Optional<String> notApplicable = item.notApplicableReason();
        if (notApplicable.isPresent()) {
            return Optional.of(notApplicable(item, notApplicable.get()));
        }
        if (item.oversized()) {
            Optional<ConfigurationItem> full = config.itemAt(item.resourceType(), item.resourceId(), item.captureTime());
            if (full.isEmpty()) {
                return Optional.of(notApplicable(item, "configuration item no longer in Config history"));
            }
            Optional<String> fullNotApplicable = full.get().notApplicableReason();
            if (fullNotApplicable.isPresent()) {
                return Optional.of(notApplicable(item, fullNotApplicable.get()));
            }
            item = full.get();
        }
        return Optional.of(remediator.remediate(SecurityGroupConfiguration.toSecurityGroup(item), regionOf(item),
                change.item().captureTime()));
    }

    private List<GroupOutcome> sweep(Instant notificationTime) {
        // The whole region is read before any write: a failed page throws here and nothing has changed yet.
        List<SecurityGroup> all = groups.allGroups();
        List<GroupOutcome> outcomes = new ArrayList<>(all.size());
        for (SecurityGroup group : all) {
            outcomes.add(remediator.remediate(group, region, notificationTime));
        }
        return outcomes;
    }

    private String regionOf(ConfigurationItem item) {
        return item.region() != null ? item.region() : region;
    }

    private static GroupOutcome notApplicable(ConfigurationItem item, String reason) {
        return new GroupOutcome(new Evaluation(item.resourceType(), item.resourceId(), Compliance.NOT_APPLICABLE,
                reason, item.captureTime()), Optional.empty());
    }
}
