package dev.securitywatch.remediation.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a user sets for remediation in cdk.json context. {@link #defaults()} reproduces the original design's
 * allow-list in the safe REPORT_ONLY mode.
 */
public record RemediationPolicy(RemediationMode mode, AllowList allowList, Set<String> exemptGroupIds,
                                String exemptTagKey, RemediationMode defaultGroupPolicy,
                                RemediationMode cloudFormationGroupPolicy, boolean revokeNonCidrSources) {
    public static final String DEFAULT_EXEMPT_TAG_KEY = "security-watch:exempt";

    public RemediationPolicy {
        exemptGroupIds = Set.copyOf(exemptGroupIds);
    }

    public static RemediationPolicy defaults() {
        return new RemediationPolicy(RemediationMode.REPORT_ONLY, AllowList.defaults(), Set.of(),
                DEFAULT_EXEMPT_TAG_KEY, RemediationMode.REPORT_ONLY, RemediationMode.REPORT_ONLY, false);
    }

    public RemediationPolicy withMode(RemediationMode newMode) {
        return new RemediationPolicy(newMode, allowList, exemptGroupIds, exemptTagKey, defaultGroupPolicy,
                cloudFormationGroupPolicy, revokeNonCidrSources);
    }

    public RemediationPolicy withAllowList(AllowList newAllowList) {
        return new RemediationPolicy(mode, newAllowList, exemptGroupIds, exemptTagKey, defaultGroupPolicy,
                cloudFormationGroupPolicy, revokeNonCidrSources);
    }

    public RemediationPolicy withExemptGroups(Set<String> moreGroupIds) {
        Set<String> all = new TreeSet<>(exemptGroupIds);
        all.addAll(moreGroupIds);
        return new RemediationPolicy(mode, allowList, all, exemptTagKey, defaultGroupPolicy,
                cloudFormationGroupPolicy, revokeNonCidrSources);
    }
}
