package dev.securitywatch.remediation.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The remediation settings of one account: what the Lambda runs with. {@link #defaults()} is the one definition
 * of every default: the original design's allow-list, in the safe REPORT_ONLY mode.
 *
 * @param exemptGroupIds in the order given (so the policy always renders to the same JSON), each id once
 */
public record RemediationPolicy(RemediationMode mode, AllowList allowList, Set<String> exemptGroupIds,
                                String exemptTagKey, RemediationMode defaultGroupPolicy,
                                RemediationMode cloudFormationGroupPolicy, boolean revokeNonCidrSources) {
    public static final String DEFAULT_EXEMPT_TAG_KEY = "security-watch:exempt";

    public RemediationPolicy {
        exemptGroupIds = ordered(exemptGroupIds);
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

    private static Set<String> ordered(Collection<String> ids) {
        Set<String> copy = new LinkedHashSet<>();
        for (String id : ids) {
            copy.add(Objects.requireNonNull(id, "exempt group id"));
        }
        return Collections.unmodifiableSet(copy);
    }
}
