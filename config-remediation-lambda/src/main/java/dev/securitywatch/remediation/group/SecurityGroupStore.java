package dev.securitywatch.remediation.group;

import dev.securitywatch.remediation.rule.LiveRule;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port to EC2: the live rules of a group, the two writes remediation makes, and the regional sweep. */
public interface SecurityGroupStore {

    /**
     * The group as EC2 has it now (name, VPC, owner, tags, rules), or empty when it does not exist in this account
     * and region; throws {@link StoreException} when EC2 cannot say.
     */
    Optional<SecurityGroup> group(String groupId);

    /** Every ingress rule of the group, all pages read; throws {@link StoreException} rather than return a part. */
    List<LiveRule> ingressRules(String groupId);

    /** Revokes exactly these rules; rules already gone count as revoked. */
    void revoke(String groupId, Collection<String> ruleIds);

    /** Adds these rules in one call where possible; rules already present count as added. */
    void authorize(String groupId, Collection<AuthorizedRule> rules);

    /** Every group of the region, all DescribeSecurityGroups pages read, or a {@link StoreException}. */
    List<SecurityGroup> allGroups();

    /** A rule to add, with the description EC2 shows next to it. */
    record AuthorizedRule(SgRule rule, String description) {
    }

    /** A failed EC2 call, with the AWS error code when there is one. */
    class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
