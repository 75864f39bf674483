package dev.securitywatch.remediation.result;

import dev.securitywatch.remediation.result.Compliance;
import dev.securitywatch.remediation.plan.KeptRule;
import dev.securitywatch.remediation.plan.SpecialGroup;
import dev.securitywatch.remediation.policy.RemediationMode;
import dev.securitywatch.remediation.rule.SgRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The detail of the "Security Group Remediation" event: one evaluation that found a violation, what was done
 * about it, and any error. The notifier renders it and the indexer keeps it as the audit trail.
 */
public record RemediationResult(String account, String region, String groupId, String groupName, String vpcId,
                                RemediationMode mode, Compliance compliance, String annotation,
                                List<SgRule> revoked, List<SgRule> authorized, List<KeptRule> kept,
                                List<SgRule> violations, Optional<SpecialGroup> special, Optional<String> advice,
                                Optional<String> actor, Instant configurationItemCaptureTime,
                                Optional<String> error) {
    public static final String SOURCE = "security-watch.remediation";
    public static final String DETAIL_TYPE = "Security Group Remediation";

    public RemediationResult {
        revoked = List.copyOf(revoked);
        authorized = List.copyOf(authorized);
        kept = List.copyOf(kept);
        violations = List.copyOf(violations);
    }

    /** The group's ARN, for the event's {@code resources}. */
    public String groupArn() {
        return "arn:" + partition() + ":ec2:" + region + ":" + account + ":security-group/" + groupId;
    }

    private String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
