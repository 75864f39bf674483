package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.StackSetInstancesSource;
import dev.securitywatch.hubcheck.membership.AccountIds;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackInstance;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackSetInstances;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;

/**
 * CloudFormation {@code ListStackInstances} of the organization StackSet, across every page. It answers only in the
 * StackSet's administrator account and region, with the {@code CallAs} the StackSet was created with; a refusal (no
 * permission, no such StackSet, throttling after the SDK's retries) or an instance the API did not describe fully
 * is returned as unreadable, with the reason in one line.
 */
public final class StackInstanceReader implements StackSetInstancesSource {
    /** The API's maximum page size: fewer calls for large organizations. */
    private static final int PAGE_SIZE = 100;

    private final CloudFormationClient client;
    private final String stackSetName;
    private final String callAs;

    /** @param callAs {@code SELF} (the management account) or {@code DELEGATED_ADMIN} */
    public StackInstanceReader(CloudFormationClient client, String stackSetName, String callAs) {
        this.client = client;
        this.stackSetName = stackSetName;
        this.callAs = callAs;
    }

    @Override
    public StackSetInstances read() {
        String action = "CloudFormation ListStackInstances " + stackSetName;
        List<StackInstance> instances = new ArrayList<>();
        try {
            for (StackInstanceSummary summary : client.listStackInstancesPaginator(request -> request
                    .stackSetName(stackSetName).callAs(callAs).maxResults(PAGE_SIZE)).summaries()) {
                Optional<String> missing = missingField(summary);
                if (missing.isPresent()) {
                    return unreadable(action + " returned an instance without " + missing.get());
                }
                instances.add(toInstance(summary));
            }
        } catch (SdkException e) {
            return unreadable(AwsErrors.describe(action, e));
        }
        return new StackSetInstances(stackSetName, instances, Optional.empty());
    }

    private StackSetInstances unreadable(String reason) {
        return new StackSetInstances(stackSetName, List.of(), Optional.of(reason));
    }

    private static Optional<String> missingField(StackInstanceSummary summary) {
        if (!AccountIds.isValid(summary.account())) {
            return Optional.of("a valid account id");
        }
        if (summary.region() == null || summary.region().isBlank()) {
            return Optional.of("a region (account " + summary.account() + ")");
        }
        if (summary.statusAsString() == null || summary.statusAsString().isBlank()) {
            return Optional.of("a status (account " + summary.account() + ", " + summary.region() + ")");
        }
        return Optional.empty();
    }

    private static StackInstance toInstance(StackInstanceSummary summary) {
        String detailedStatus = summary.stackInstanceStatus() == null ? null
                : summary.stackInstanceStatus().detailedStatusAsString();
        return new StackInstance(summary.account(), summary.region(), summary.statusAsString(), detailedStatus,
                summary.driftStatusAsString(), summary.statusReason());
    }
}
