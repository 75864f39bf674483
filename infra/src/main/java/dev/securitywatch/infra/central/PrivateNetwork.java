package dev.securitywatch.infra.central;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnRouteTable;
import software.amazon.awscdk.services.ec2.CfnSubnet;
import software.amazon.awscdk.services.ec2.CfnSubnetRouteTableAssociation;
import software.amazon.awscdk.services.ec2.CfnVPC;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogResourceType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Two isolated subnets and no NAT: OpenSearch and the Lambdas that talk to it need nothing else. Availability zones
 * are resolved by CloudFormation (Fn::GetAZs), not looked up at synth, so synth needs no AWS credentials.
 */
final class PrivateNetwork {
    private PrivateNetwork() {
    }

    static IVpc create(Construct scope) {
        CfnVPC cfnVpc = CfnVPC.Builder.create(scope, "Vpc")
                .cidrBlock("10.80.0.0/16")
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .build();
        // The OpenSearch domain outlives the stack, and its network interfaces sit in these subnets: deleting them
        // would leave `cdk destroy` in DELETE_FAILED.
        cfnVpc.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        // Isolated: the route table holds only the VPC's local route.
        CfnRouteTable routes = CfnRouteTable.Builder.create(scope, "PrivateRoutes").vpcId(cfnVpc.getRef()).build();
        List<String> zones = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String zone = Fn.select(i, Fn.getAzs());
            zones.add(zone);
            CfnSubnet subnet = CfnSubnet.Builder.create(scope, "PrivateSubnet" + (i + 1))
                    .vpcId(cfnVpc.getRef())
                    .cidrBlock("10.80." + i + ".0/24")
                    .availabilityZone(zone)
                    .mapPublicIpOnLaunch(false)
                    .build();
            subnet.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
            CfnSubnetRouteTableAssociation.Builder.create(scope, "PrivateSubnet" + (i + 1) + "Routes")
                    .subnetId(subnet.getRef()).routeTableId(routes.getRef()).build();
            subnets.add(subnet.getRef());
        }
        IVpc vpc = Vpc.fromVpcAttributes(scope, "Network", VpcAttributes.builder()
                .vpcId(cfnVpc.getRef())
                .vpcCidrBlock(cfnVpc.getCidrBlock())
                .availabilityZones(zones)
                .isolatedSubnetIds(subnets)
                .isolatedSubnetRouteTableIds(subnets.stream().map(id -> routes.getRef()).toList())
                .build());
        LogGroup flowLogs = LogGroup.Builder.create(scope, "FlowLogs").retention(RetentionDays.ONE_YEAR)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        Stack stack = Stack.of(scope);
        // The flow-log service may act for this account's flow logs only, not any account's (confused deputy).
        Role flowLogRole = Role.Builder.create(scope, "FlowLogRole")
                .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":ec2:"
                                + stack.getRegion() + ":" + stack.getAccount() + ":vpc-flow-log/*"))))
                .build();
        FlowLog.Builder.create(scope, "FlowLog")
                .resourceType(FlowLogResourceType.fromVpc(vpc))
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs, flowLogRole))
                .build();
        return vpc;
    }

    /** An existing VPC given by id and subnet ids in context: imported as-is, again without a lookup. */
    static IVpc existing(Construct scope, String vpcId, List<String> subnetIds) {
        IVpc vpc = Vpc.fromVpcAttributes(scope, "Network", VpcAttributes.builder()
                .vpcId(vpcId)
                .availabilityZones(IntStream.range(0, subnetIds.size()).mapToObj(i -> Fn.select(i, Fn.getAzs()))
                        .toList())
                .isolatedSubnetIds(subnetIds)
                .build());
        vpc.getIsolatedSubnets().forEach(subnet -> Annotations.of(subnet).acknowledgeWarning(
                "@aws-cdk/aws-ec2:noSubnetRouteTableId",
                "Nothing here reads the route tables of an existing VPC's subnets; the team owns their routing."));
        return vpc;
    }
}
