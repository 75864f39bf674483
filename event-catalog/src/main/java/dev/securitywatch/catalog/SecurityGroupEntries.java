package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.SECURITY_GROUP;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** Security groups, in every region. */
final class SecurityGroupEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(SECURITY_GROUP,
            cloudTrail("security-group-change", MEDIUM, "ec2")
                    .names("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                            "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
                            "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules")
                    .title("Security group changed")
                    .resourceKind(ResourceKinds.SECURITY_GROUP)
                    .reference("CIS CloudWatch.10 (4.10); original seed list; ModifySecurityGroupRules"
                            + " is missed by most public catalogs"),
            cloudTrail("load-balancer-security-groups-change", MEDIUM, "elasticloadbalancing")
                    .names("SetSecurityGroups", "ApplySecurityGroupsToLoadBalancer").succeeded()
                    .title("Load balancer security groups replaced")
                    .resourceKind(ResourceKinds.SECURITY_GROUP)
                    .reference("Sigma aws_cloudtrail_security_group_change_loadbalancer: a load balancer's groups"
                            + " decide who reaches the targets behind it"));

    private SecurityGroupEntries() {
    }
}
