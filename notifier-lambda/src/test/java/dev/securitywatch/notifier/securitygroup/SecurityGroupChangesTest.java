package dev.securitywatch.notifier.securitygroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityGroupChangesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<PermissionChange> changes(String eventName, String requestParameters) throws Exception {
        CloudTrailEvent event = CloudTrailEvent.fromDetail(MAPPER.readTree("{\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"requestParameters\":" + requestParameters + "}")).orElseThrow();
        return SecurityGroupChanges.of(event).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiterString = " => ", value = {
            "AuthorizeSecurityGroupIngress => {'groupId':'sg-0abc','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':22,'toPort':22,'ipRanges':{'items':[{'cidrIp':'0.0.0.0/0'}]}}]}} => + ingress tcp/22 from 0.0.0.0/0 (sg-0abc)",
            "RevokeSecurityGroupIngress => {'groupId':'sg-0abc','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':'443','toPort':'443','prefixListIds':{'items':[{'prefixListId':'pl-123'}]}}]}} => - ingress tcp/443 from pl-123 (sg-0abc)",
            "AuthorizeSecurityGroupEgress => {'groupId':'sg-0abc','ipPermissions':{'items':[{'ipProtocol':'-1','ipv6Ranges':{'items':[{'cidrIpv6':'::/0'}]}}]}} => + egress all traffic to ::/0 (sg-0abc)",
            "RevokeSecurityGroupEgress => {'groupId':'sg-0abc','ipPermissions':{'items':[{'ipProtocol':'udp','fromPort':1000,'toPort':2000,'groups':{'items':[{'groupId':'sg-0peer'}]}}]}} => - egress udp/1000-2000 to sg-0peer (sg-0abc)",
            "AuthorizeSecurityGroupIngress => {'groupId':'sg-0abc','ipPermissions':{'items':[{'ipProtocol':'icmp','fromPort':-1,'toPort':-1,'ipRanges':{'items':[{'cidrIp':'10.0.0.0/8'}]}}]}} => + ingress icmp/all from 10.0.0.0/8 (sg-0abc)",
            "AuthorizeSecurityGroupIngress => {'groupName':'web','ipProtocol':'tcp','fromPort':'0','toPort':'65535','cidrIp':'1.2.3.4/32'} => + ingress tcp/all ports from 1.2.3.4/32 (web)",
            "RevokeSecurityGroupIngress => {'groupId':'sg-0abc','securityGroupRuleIds':{'items':[{'securityGroupRuleId':'sgr-01'}]}} => - ingress rule sgr-01 (sg-0abc)",
            "ModifySecurityGroupRules => {'ModifySecurityGroupRulesRequest':{'GroupId':'sg-0abc','SecurityGroupRule':{'SecurityGroupRuleId':'sgr-02','SecurityGroupRule':{'IpProtocol':'tcp','FromPort':3389,'ToPort':3389,'CidrIpv4':'0.0.0.0/0'}}}} => ~ tcp/3389 from 0.0.0.0/0 [rule sgr-02] (sg-0abc)",
            "ModifySecurityGroupRules => {'ModifySecurityGroupRulesRequest':{'GroupId':'sg-0abc','SecurityGroupRule':[{'SecurityGroupRuleId':'sgr-03','SecurityGroupRule':{'IpProtocol':'6','FromPort':80,'ToPort':80,'PrefixListId':'pl-9'}}]}} => ~ tcp/80 from pl-9 [rule sgr-03] (sg-0abc)",
            "ModifySecurityGroupRules => {'ModifySecurityGroupRulesRequest':{'GroupId':'sg-0abc','SecurityGroupRule':{'SecurityGroupRuleId':'sgr-04','SecurityGroupRule':{'IpProtocol':'50'}}}} => ~ rule sgr-04 → protocol 50 (sg-0abc)",
            "AuthorizeSecurityGroupIngress => {'groupId':'sg-0abc','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':5432,'toPort':5432}]}} => + ingress tcp/5432 from (no source given) (sg-0abc)"})
    void readsEveryPermissionShapeAsADiffLine(String eventName, String request, String expected) throws Exception {
        assertThat(changes(eventName, request.replace('\'', '"'))).map(PermissionChange::line)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} {1}-{2} from {3}: internet={4} admin={5}")
    @CsvSource({
            "tcp, 22, 22, 0.0.0.0/0, true, true",
            "tcp, 1000, 4000, 0.0.0.0/0, true, true",
            "tcp, 443, 443, 0.0.0.0/0, true, false",
            "-1, , , 0.0.0.0/0, true, true",
            "udp, 53, 53, 10.0.0.0/8, false, false",
            "icmp, -1, -1, 0.0.0.0/0, true, false",
            "tcp, 27017, 27017, 0.0.0.0/0, true, true"})
    void judgesInternetExposureAndAdminPorts(String protocol, Integer from, Integer to, String cidr,
                                             boolean internet, boolean admin) {
        PermissionChange change = new PermissionChange(PermissionChange.Change.ADD,
                PermissionChange.Direction.INGRESS, protocol, from, to,
                new PermissionChange.Peer(PermissionChange.PeerType.CIDR4, cidr), "sg-1", null);
        assertThat(change.opensToInternet()).isEqualTo(internet);
        assertThat(change.reachesAdminOrDatabasePort()).isEqualTo(admin);
    }

    @ParameterizedTest
    @CsvSource({"CreateSecurityGroup", "DeleteSecurityGroup"})
    void otherSecurityGroupCallsHaveNoDiff(String eventName) throws Exception {
        CloudTrailEvent event = CloudTrailEvent.fromDetail(MAPPER.readTree("{\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"requestParameters\":{\"groupName\":\"x\"}}")).orElseThrow();
        assertThat(SecurityGroupChanges.of(event)).isEmpty();
    }
}
