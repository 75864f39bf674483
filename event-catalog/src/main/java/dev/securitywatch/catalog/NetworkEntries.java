package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.NETWORK;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

/** Network: Route 53 domains, network ACLs, gateways, route tables and VPCs. */
final class NetworkEntries {
    /** Route 53 Domains is a global service (us-east-1); the catalog lists it with the other global services. */
    static final List<CatalogEntry> GLOBAL = inCategory(NETWORK,
            cloudTrail("route53-domain-transfer", HIGH, "route53domains").usEast1Only()
                    .names("TransferDomain", "TransferDomainToAnotherAwsAccount", "DisableDomainTransferLock",
                            "UpdateDomainContact")
                    .title("Route 53 domain transfer or contact change")
                    .reference("research note: domain hijack through transfer lock removal"));

    /** EC2 networking, in every region. */
    static final List<CatalogEntry> REGIONAL = inCategory(NETWORK,
            cloudTrail("network-acl-change", MEDIUM, "ec2")
                    .names("CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
                            "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation")
                    .title("Network ACL changed")
                    .reference("CIS CloudWatch.11 (4.11)"),
            cloudTrail("network-gateway-change", MEDIUM, "ec2")
                    .names("CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
                            "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway")
                    .title("Network gateway changed")
                    .reference("CIS CloudWatch.12 (4.12)"),
            cloudTrail("route-table-change", MEDIUM, "ec2")
                    .names("CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
                            "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable")
                    .title("Route table changed")
                    .reference("CIS CloudWatch.13 (4.13)"),
            cloudTrail("vpc-change", MEDIUM, "ec2")
                    .names("CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
                            "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
                            "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc",
                            "DisableVpcClassicLink", "EnableVpcClassicLink")
                    .title("VPC changed")
                    .reference("CIS CloudWatch.14 (4.14)"));

    private NetworkEntries() {
    }
}
