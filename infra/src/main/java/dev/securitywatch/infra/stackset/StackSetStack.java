package dev.securitywatch.infra.stackset;

import dev.securitywatch.infra.config.Settings.OperationPreferences;
import dev.securitywatch.infra.config.Settings.StackSetDeployment;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudformation.CfnStackSet;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The organization's member side: one SERVICE_MANAGED StackSet, in the management account or a delegated StackSets
 * administrator, that CloudFormation deploys to every account of the target OUs in every listed region, and to each
 * account that joins them later. The template travels as an asset of this stack (it is larger than a StackSet's
 * inline template may be); the template itself holds no assets.
 */
public final class StackSetStack extends Stack {
    private final CfnStackSet stackSet;
    private final StackSetTemplate template;

    public StackSetStack(Construct scope, String id, StackProps props, StackSetDeployment deployment,
                         StackSetTemplate template) {
        super(scope, id, props);
        this.template = template;
        Asset templateFile = Asset.Builder.create(this, "MemberTemplate")
                .path(template.file().toString())
                .build();
        OperationPreferences preferences = deployment.preferences();
        stackSet = CfnStackSet.Builder.create(this, "Members")
                .stackSetName(StackSetTemplate.NAME)
                .description("Security Watch member side: forwarding rules, remediator and canary in every account"
                        + " of the organizational units")
                .permissionModel("SERVICE_MANAGED")
                .callAs(deployment.callAs())
                .autoDeployment(CfnStackSet.AutoDeploymentProperty.builder()
                        .enabled(true)
                        .retainStacksOnAccountRemoval(deployment.retainStacksOnAccountRemoval())
                        .build())
                // Named IAM roles: the central bus and the notifier recognise the members' roles by name.
                .capabilities(List.of("CAPABILITY_NAMED_IAM"))
                // Lets CloudFormation queue a new operation (an account joining) behind a running one.
                .managedExecution(Map.of("Active", true))
                .operationPreferences(CfnStackSet.OperationPreferencesProperty.builder()
                        .maxConcurrentPercentage(preferences.maxConcurrentPercentage())
                        .failureTolerancePercentage(preferences.failureTolerancePercentage())
                        .regionConcurrencyType(preferences.regionConcurrencyType())
                        .concurrencyMode(preferences.concurrencyMode())
                        .build())
                .stackInstancesGroup(List.of(CfnStackSet.StackInstancesProperty.builder()
                        .deploymentTargets(CfnStackSet.DeploymentTargetsProperty.builder()
                                .organizationalUnitIds(deployment.organizationalUnits())
                                .build())
                        .regions(deployment.regions())
                        .build()))
                .templateUrl(templateFile.getHttpUrl())
                .build();
    }

    public CfnStackSet stackSet() {
        return stackSet;
    }

    public StackSetTemplate template() {
        return template;
    }
}
