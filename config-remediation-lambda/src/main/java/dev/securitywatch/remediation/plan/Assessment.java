package dev.securitywatch.remediation.plan;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.policy.AllowListEntry;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one group state and the actions that would fix it.
 *
 * @param mode             the mode that applies to this group (a special-group policy may hold it back)
 * @param exemption        why the group is exempt, if it is; an exempt group has no findings and no actions
 * @param violations       rules outside the allow-list that remediation revokes (or would, in REPORT_ONLY)
 * @param kept             rules outside the allow-list that remediation leaves in place, with the reason
 * @param missingRequired  required allow-list entries absent from the group
 * @param revoke           the rules to revoke in {@code mode}
 * @param authorize        the required entries to add in {@code mode}
 * @param advice           what a human should do instead, for special groups with findings
 */
public record Assessment(SecurityGroup group, RemediationMode mode, Optional<String> exemption,
                         Optional<SpecialGroup> special, List<SgRule> violations, List<KeptRule> kept,
                         List<AllowListEntry> missingRequired, List<SgRule> revoke, List<AllowListEntry> authorize,
                         Optional<String> advice) {

    public Assessment {
        violations = List.copyOf(violations);
        kept = List.copyOf(kept);
        missingRequired = List.copyOf(missingRequired);
        revoke = List.copyOf(revoke);
        authorize = List.copyOf(authorize);
    }

    public boolean compliant() {
        return exemption.isPresent() || violations.isEmpty() && missingRequired.isEmpty();
    }

    public boolean hasActions() {
        return !revoke.isEmpty() || !authorize.isEmpty();
    }
}
