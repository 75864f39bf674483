package dev.securitywatch.infra.member;

import dev.securitywatch.catalog.RegionScope;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Whether a member template carries the global-services parts: IAM and the other global services deliver their
 * events to EventBridge only in us-east-1. A per-account stack knows its region; the StackSet's one template decides
 * with a CloudFormation condition in each region it is deployed to.
 */
final class GlobalServices {
    private final boolean always;
    private final CfnCondition condition;

    private GlobalServices(boolean always, CfnCondition condition) {
        this.always = always;
        this.condition = condition;
    }

    /** A stack for one known region. */
    static GlobalServices inRegion(String region) {
        return new GlobalServices(RegionScope.GLOBAL_SERVICE_REGION.equals(region), null);
    }

    /** A region-agnostic template: the parts exist where {@code isUsEast1} holds. */
    static GlobalServices where(CfnCondition isUsEast1) {
        return new GlobalServices(false, isUsEast1);
    }

    /** Whether this template has global-services parts at all. */
    boolean present() {
        return always || condition != null;
    }

    /** Limits every resource of {@code part} to the regions where global services run. */
    void limit(IConstruct part) {
        if (condition == null) {
            return;
        }
        part.getNode().findAll().stream()
                .filter(CfnResource.class::isInstance)
                .map(CfnResource.class::cast)
                .forEach(resource -> resource.getCfnOptions().setCondition(condition));
    }
}
