package dev.securitywatch.remediation.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.securitywatch.remediation.testing.AwsStub.ec2;
import static dev.securitywatch.remediation.testing.AwsStub.ec2Error;
import static dev.securitywatch.remediation.testing.AwsStub.xml;
import static dev.securitywatch.remediation.testing.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.remediation.group.SecurityGroup;
import dev.securitywatch.remediation.group.SecurityGroupStore.AuthorizedRule;
import dev.securitywatch.remediation.group.SecurityGroupStore.StoreException;
import dev.securitywatch.remediation.rule.LiveRule;
import dev.securitywatch.remediation.testing.AwsStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real SDK EC2 client against WireMock speaking EC2's Query/XML protocol. */
class Ec2SecurityGroupStoreTest {
    private final AwsStub aws = new AwsStub();
    private final Ec2SecurityGroupStore store = new Ec2SecurityGroupStore(aws.clients().ec2());

    @AfterEach
    void stop() {
        aws.close();
    }

    static String ruleItem(String id, boolean egress, String protocol, int from, int to, String sourceXml) {
        return "<item><securityGroupRuleId>" + id + "</securityGroupRuleId><groupId>sg-1</groupId>"
                + "<groupOwnerId>111111111111</groupOwnerId><isEgress>" + egress + "</isEgress>"
                + "<ipProtocol>" + protocol + "</ipProtocol><fromPort>" + from + "</fromPort><toPort>" + to
                + "</toPort>" + sourceXml + "<description>x</description><tagSet/></item>";
    }

    @Test
    void readsEveryPageOfIngressRulesAndSkipsEgress() {
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").withRequestBody(notContaining("NextToken"))
                .willReturn(xml("DescribeSecurityGroupRules", "<securityGroupRuleSet>"
                        + ruleItem("sgr-1", false, "tcp", 22, 22, "<cidrIpv4>0.0.0.0/0</cidrIpv4>")
                        + ruleItem("sgr-2", false, "tcp", 443, 443, "<cidrIpv6>::/0</cidrIpv6>")
                        + ruleItem("sgr-e", true, "-1", -1, -1, "<cidrIpv4>0.0.0.0/0</cidrIpv4>")
                        + "</securityGroupRuleSet><nextToken>page-2</nextToken>")));
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").withRequestBody(containing("NextToken=page-2"))
                .willReturn(xml("DescribeSecurityGroupRules", "<securityGroupRuleSet>"
                        + ruleItem("sgr-3", false, "tcp", 443, 443, "<prefixListId>pl-63a5400a</prefixListId>")
                        + ruleItem("sgr-4", false, "6", 8080, 8080, "<referencedGroupInfo><groupId>sg-alb</groupId>"
                        + "<userId>222222222222</userId></referencedGroupInfo>")
                        + ruleItem("sgr-5", false, "-1", -1, -1, "<referencedGroupInfo><groupId>sg-1</groupId>"
                        + "<userId>111111111111</userId></referencedGroupInfo>")
                        + "</securityGroupRuleSet>")));

        List<LiveRule> rules = store.ingressRules("sg-1");

        assertThat(rules).containsExactly(
                new LiveRule("sgr-1", rule("tcp", 22, 22, "0.0.0.0/0")),
                new LiveRule("sgr-2", rule("tcp", 443, 443, "::/0")),
                new LiveRule("sgr-3", rule("tcp", 443, 443, "pl-63a5400a")),
                new LiveRule("sgr-4", rule("tcp", 8080, 8080, "222222222222/sg-alb")),
                new LiveRule("sgr-5", rule("-1", null, null, "sg-1")));
        assertThat(aws.ec2Requests("DescribeSecurityGroupRules")).hasSize(2).first().satisfies(request ->
                assertThat(request.getBodyAsString()).contains("Filter.1.Name=group-id", "Filter.1.Value.1=sg-1",
                        "MaxResults=1000"));
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."))
                .willSetStateTo("recovered"));
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").inScenario("throttle").whenScenarioStateIs("recovered")
                .willReturn(xml("DescribeSecurityGroupRules", "<securityGroupRuleSet>"
                        + ruleItem("sgr-1", false, "tcp", 22, 22, "<cidrIpv4>0.0.0.0/0</cidrIpv4>")
                        + "</securityGroupRuleSet>")));

        assertThat(store.ingressRules("sg-1")).hasSize(1);
        assertThat(aws.ec2Requests("DescribeSecurityGroupRules")).hasSize(2);
    }

    @Test
    void aFailedPageFailsTheWholeRead() {
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").withRequestBody(notContaining("NextToken"))
                .willReturn(xml("DescribeSecurityGroupRules", "<securityGroupRuleSet>"
                        + ruleItem("sgr-1", false, "tcp", 22, 22, "<cidrIpv4>0.0.0.0/0</cidrIpv4>")
                        + "</securityGroupRuleSet><nextToken>page-2</nextToken>")));
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").withRequestBody(containing("NextToken=page-2"))
                .willReturn(ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")));

        assertThatThrownBy(() -> store.ingressRules("sg-1")).isInstanceOf(StoreException.class)
                .hasMessage("DescribeSecurityGroupRules UnauthorizedOperation (You are not authorized to perform this"
                        + " operation.)");
    }

    @Test
    void anUnreadableRuleFailsTheRead() {
        aws.server().stubFor(ec2("DescribeSecurityGroupRules").willReturn(xml("DescribeSecurityGroupRules",
                "<securityGroupRuleSet>" + ruleItem("sgr-1", false, "tcp", 22, 22, "")
                        + ruleItem("sgr-2", false, "tcp", 22, 22, "<cidrIpv4>300.0.0.0/8</cidrIpv4>")
                        + "</securityGroupRuleSet>")));
        assertThatThrownBy(() -> store.ingressRules("sg-1")).isInstanceOf(StoreException.class)
                .hasMessage("DescribeSecurityGroupRules returned an unreadable rule: rule sgr-1 has no source");
    }

    @Test
    void revokesExactlyByRuleIdsInOneCall() {
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress").willReturn(xml("RevokeSecurityGroupIngress",
                "<return>true</return>")));

        store.revoke("sg-1", List.of("sgr-1", "sgr-2"));

        assertThat(aws.ec2Requests("RevokeSecurityGroupIngress")).singleElement().satisfies(request ->
                assertThat(request.getBodyAsString()).contains("GroupId=sg-1", "SecurityGroupRuleId.1=sgr-1",
                        "SecurityGroupRuleId.2=sgr-2").doesNotContain("IpPermissions"));
    }

    @Test
    void aRuleAlreadyGoneCountsAsRevokedAndTheOthersAreStillRevoked() {
        String notFound = "The specified rule does not exist in this security group.";
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress").withRequestBody(containing("SecurityGroupRuleId.2"))
                .willReturn(ec2Error(400, "InvalidSecurityGroupRuleId.NotFound", notFound)));
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress").withRequestBody(notContaining("SecurityGroupRuleId.2"))
                .withRequestBody(containing("SecurityGroupRuleId.1=sgr-gone"))
                .willReturn(ec2Error(400, "InvalidPermission.NotFound", notFound)));
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress").withRequestBody(containing("SecurityGroupRuleId.1=sgr-2"))
                .willReturn(xml("RevokeSecurityGroupIngress", "<return>true</return>")));

        store.revoke("sg-1", List.of("sgr-gone", "sgr-2"));

        assertThat(aws.ec2Requests("RevokeSecurityGroupIngress")).hasSize(3);
    }

    @Test
    void otherRevokeErrorsFail() {
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress")
                .willReturn(ec2Error(403, "UnauthorizedOperation", "not authorized")));
        assertThatThrownBy(() -> store.revoke("sg-1", List.of("sgr-1"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("UnauthorizedOperation");
    }

    @Test
    void aFalseReturnFromRevokeFails() {
        aws.server().stubFor(ec2("RevokeSecurityGroupIngress").willReturn(xml("RevokeSecurityGroupIngress",
                "<return>false</return>")));
        assertThatThrownBy(() -> store.revoke("sg-1", List.of("sgr-1"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("returned false");
    }

    @Test
    void authorizesEverySourceKindInOneCall() {
        aws.server().stubFor(ec2("AuthorizeSecurityGroupIngress").willReturn(xml("AuthorizeSecurityGroupIngress",
                "<return>true</return>")));

        store.authorize("sg-1", List.of(
                new AuthorizedRule(rule("tcp", 443, 443, "0.0.0.0/0"), "security-watch: HTTPS"),
                new AuthorizedRule(rule("tcp", 443, 443, "::/0"), "v6"),
                new AuthorizedRule(rule("udp", 53, 53, "pl-63a5400a"), null),
                new AuthorizedRule(rule("-1", null, null, "222222222222/sg-0abc"), null),
                new AuthorizedRule(rule("icmp", 8, -1, "10.0.0.0/8"), null)));

        assertThat(aws.ec2Requests("AuthorizeSecurityGroupIngress")).singleElement().satisfies(request ->
                assertThat(request.getBodyAsString()).contains(
                        "GroupId=sg-1",
                        "IpPermissions.1.IpProtocol=tcp", "IpPermissions.1.FromPort=443", "IpPermissions.1.ToPort=443",
                        "IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0",
                        "IpPermissions.1.IpRanges.1.Description=security-watch%3A+HTTPS",
                        "IpPermissions.2.Ipv6Ranges.1.CidrIpv6=%3A%3A%2F0",
                        "IpPermissions.3.IpProtocol=udp", "IpPermissions.3.PrefixListIds.1.PrefixListId=pl-63a5400a",
                        "IpPermissions.4.IpProtocol=-1", "IpPermissions.4.Groups.1.GroupId=sg-0abc",
                        "IpPermissions.4.Groups.1.UserId=222222222222",
                        "IpPermissions.5.IpProtocol=icmp", "IpPermissions.5.FromPort=8", "IpPermissions.5.ToPort=-1")
                        .doesNotContain("IpPermissions.4.FromPort"));
    }

    @Test
    void aDuplicateCountsAsAuthorizedAndTheOthersAreStillAdded() {
        aws.server().stubFor(ec2("AuthorizeSecurityGroupIngress").withRequestBody(containing("IpPermissions.2"))
                .willReturn(ec2Error(400, "InvalidPermission.Duplicate", "the specified rule already exists")));
        aws.server().stubFor(ec2("AuthorizeSecurityGroupIngress").withRequestBody(notContaining("IpPermissions.2"))
                .withRequestBody(containing("FromPort=80"))
                .willReturn(ec2Error(400, "InvalidPermission.Duplicate", "the specified rule already exists")));
        aws.server().stubFor(ec2("AuthorizeSecurityGroupIngress").withRequestBody(notContaining("IpPermissions.2"))
                .withRequestBody(containing("FromPort=443"))
                .willReturn(xml("AuthorizeSecurityGroupIngress", "<return>true</return>")));

        store.authorize("sg-1", List.of(new AuthorizedRule(rule("tcp", 80, 80, "0.0.0.0/0"), null),
                new AuthorizedRule(rule("tcp", 443, 443, "0.0.0.0/0"), null)));

        assertThat(aws.ec2Requests("AuthorizeSecurityGroupIngress")).hasSize(3);
    }

    @Test
    void otherAuthorizeErrorsFail() {
        aws.server().stubFor(ec2("AuthorizeSecurityGroupIngress")
                .willReturn(ec2Error(400, "RulesPerSecurityGroupLimitExceeded", "too many rules")));
        assertThatThrownBy(() -> store.authorize("sg-1",
                List.of(new AuthorizedRule(rule("tcp", 80, 80, "0.0.0.0/0"), null))))
                .isInstanceOf(StoreException.class)
                .hasMessage("AuthorizeSecurityGroupIngress RulesPerSecurityGroupLimitExceeded (too many rules)");
    }

    @Test
    void writesWithNothingToDoMakeNoCall() {
        store.revoke("sg-1", List.of());
        store.authorize("sg-1", List.of());
        assertThat(aws.server().getAllServeEvents()).isEmpty();
    }

    static String groupItem(String id, String name, String permissionsXml, String tagsXml) {
        return "<item><ownerId>111111111111</ownerId><groupId>" + id + "</groupId><groupName>" + name
                + "</groupName><groupDescription>d</groupDescription><vpcId>vpc-1</vpcId><ipPermissions>"
                + permissionsXml + "</ipPermissions><ipPermissionsEgress/><tagSet>" + tagsXml + "</tagSet></item>";
    }

    @Test
    void sweepsEveryPageOfGroupsAndExpandsGroupedPermissions() {
        String block = "<item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>"
                + "<groups><item><userId>111111111111</userId><groupId>sg-alb</groupId></item></groups>"
                + "<ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>"
                + "<ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges>"
                + "<prefixListIds><item><prefixListId>pl-1</prefixListId></item></prefixListIds></item>";
        aws.server().stubFor(ec2("DescribeSecurityGroups").withRequestBody(notContaining("NextToken"))
                .willReturn(xml("DescribeSecurityGroups", "<securityGroupInfo>"
                        + groupItem("sg-1", "web", block, "<item><key>aws:cloudformation:stack-name</key>"
                        + "<value>shop</value></item>")
                        + "</securityGroupInfo><nextToken>next</nextToken>")));
        aws.server().stubFor(ec2("DescribeSecurityGroups").withRequestBody(containing("NextToken=next"))
                .willReturn(xml("DescribeSecurityGroups", "<securityGroupInfo>" + groupItem("sg-2", "default", "", "")
                        + "</securityGroupInfo>")));

        List<SecurityGroup> groups = store.allGroups();

        assertThat(groups).extracting(SecurityGroup::groupId).containsExactly("sg-1", "sg-2");
        assertThat(groups.get(0).tags()).isEqualTo(Map.of("aws:cloudformation:stack-name", "shop"));
        assertThat(groups.get(0).ingress()).containsExactlyInAnyOrder(rule("tcp", 22, 22, "0.0.0.0/0"),
                rule("tcp", 22, 22, "10.0.0.0/8"), rule("tcp", 22, 22, "::/0"), rule("tcp", 22, 22, "pl-1"),
                rule("tcp", 22, 22, "sg-alb"));
        assertThat(groups.get(1).isDefaultGroup()).isTrue();
        assertThat(aws.ec2Requests("DescribeSecurityGroups")).first().satisfies(request ->
                assertThat(request.getBodyAsString()).contains("MaxResults=1000"));
    }

    @Test
    void anUnreadableGroupFailsTheSweep() {
        String block = "<item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>"
                + "<ipRanges><item><cidrIp>10.0.0.0/40</cidrIp></item></ipRanges></item>";
        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(xml("DescribeSecurityGroups",
                "<securityGroupInfo>" + groupItem("sg-1", "web", block, "") + "</securityGroupInfo>")));
        assertThatThrownBy(store::allGroups).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("DescribeSecurityGroups returned an unreadable rule: \"10.0.0.0/40\"");
    }

    @Test
    void aFailedSweepPageFailsTheSweep() {
        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(ec2Error(500, "InternalError", "boom")));
        assertThatThrownBy(store::allGroups).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("DescribeSecurityGroups InternalError");
    }

    @Test
    void readsOneLiveGroupWithItsTagsAndSaysWhenItIsNotHere() {
        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(xml("DescribeSecurityGroups",
                "<securityGroupInfo><item><ownerId>111111111111</ownerId><groupId>sg-1</groupId>"
                        + "<groupName>app</groupName><vpcId>vpc-1</vpcId><ipPermissions/><tagSet><item><key>"
                        + "security-watch:exempt</key><value>yes</value></item></tagSet></item></securityGroupInfo>")));

        assertThat(store.group("sg-1")).hasValueSatisfying(group -> {
            assertThat(group.tags()).containsEntry("security-watch:exempt", "yes");
            assertThat(group.vpcId()).isEqualTo("vpc-1");
        });
        assertThat(aws.ec2Requests("DescribeSecurityGroups").get(0).getBodyAsString()).contains("GroupId.1=sg-1");

        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(ec2Error(400, "InvalidGroup.NotFound",
                "The security group 'sg-1' does not exist")));
        assertThat(store.group("sg-1")).isEmpty();

        aws.server().stubFor(ec2("DescribeSecurityGroups").willReturn(ec2Error(403, "UnauthorizedOperation", "no")));
        assertThatThrownBy(() -> store.group("sg-1")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("DescribeSecurityGroups UnauthorizedOperation");
    }
}
