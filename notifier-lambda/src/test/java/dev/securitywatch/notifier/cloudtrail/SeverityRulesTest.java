package dev.securitywatch.notifier.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.notifier.securitygroup.SecurityGroupChanges;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityRulesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("111111111111", "222222222222");
    /** A fresh inventory: the members and 444444444444, an account of the organization that is not enrolled. */
    private static final ShareScope ORGANIZATION = new ShareScope(MEMBERS,
            Set.of("111111111111", "222222222222", "444444444444"), true);
    private static final Set<String> OWN_KEYS = Set.of(
            "arn:aws:kms:us-east-1:111111111111:key/0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c");

    @ParameterizedTest(name = "{0} {1}: {4}")
    @CsvSource(delimiterString = " | ", value = {
            "ec2 | AuthorizeSecurityGroupIngress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':22,'toPort':22,'ipRanges':{'items':[{'cidrIp':'0.0.0.0/0'}]}}]}} | IAMUser | CRITICAL | internet ingress to an admin or database port: tcp/22 from 0.0.0.0/0",
            "ec2 | AuthorizeSecurityGroupIngress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':3389,'toPort':3389,'ipv6Ranges':{'items':[{'cidrIpv6':'::/0'}]}}]}} | IAMUser | CRITICAL | internet ingress to an admin or database port: tcp/3389 from ::/0",
            "ec2 | AuthorizeSecurityGroupIngress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':443,'toPort':443,'ipRanges':{'items':[{'cidrIp':'0.0.0.0/0'}]}}]}} | IAMUser | HIGH | internet ingress: tcp/443 from 0.0.0.0/0",
            "ec2 | RevokeSecurityGroupIngress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':22,'toPort':22,'ipRanges':{'items':[{'cidrIp':'0.0.0.0/0'}]}}]}} | IAMUser | MEDIUM | ",
            "ec2 | AuthorizeSecurityGroupEgress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'-1','ipRanges':{'items':[{'cidrIp':'0.0.0.0/0'}]}}]}} | IAMUser | MEDIUM | ",
            "iam | AttachRolePolicy | {'roleName':'r','policyArn':'arn:aws:iam::aws:policy/AdministratorAccess'} | IAMUser | CRITICAL | full administrator rights granted",
            "iam | AttachRolePolicy | {'roleName':'r','policyArn':'arn:aws:iam::aws:policy/ReadOnlyAccess'} | IAMUser | MEDIUM | ",
            "iam | PutUserPolicy | {'userName':'u','policyDocument':'{\\'Statement\\':[{\\'Effect\\':\\'Allow\\',\\'Action\\':\\'*\\',\\'Resource\\':[\\'*\\']}]}'} | IAMUser | CRITICAL | full administrator rights granted",
            "cloudtrail | StopLogging | {'name':'t'} | IAMUser | CRITICAL | CloudTrail logging switched off",
            "cloudtrail | DeleteTrail | {'name':'t'} | IAMUser | CRITICAL | CloudTrail logging switched off",
            "s3 | PutBucketPolicy | {'bucketName':'b'} | Root | CRITICAL | root user activity",
            "lambda | PutFunctionConcurrency20171031 | {'functionName':'security-watch-notifier','reservedConcurrentExecutions':0} | AssumedRole | CRITICAL | changes Security Watch's own resource security-watch-notifier",
            "events | DisableRule | {'name':'SecurityWatch-Member-111111111111-us-east-1-ForwardingRule0A1B'} | AssumedRole | CRITICAL | changes Security Watch's own resource SecurityWatch-Member-111111111111-us-east-1-ForwardingRule0A1B",
            "sns | Unsubscribe | {'subscriptionArn':'arn:aws:sns:ap-northeast-1:1:SecurityWatch-Central-AlertsTopic12AB:0f1e'} | IAMUser | CRITICAL | changes Security Watch's own resource SecurityWatch-Central-AlertsTopic12AB",
            "iam | PutRolePolicy | {'roleName':'security-watch-remediation-us-east-1','policyName':'p','policyDocument':'{}'} | IAMUser | CRITICAL | changes Security Watch's own resource security-watch-remediation-us-east-1",
            "events | RemovePermission | {'eventBusName':'security-watch','statementId':'AllowMemberAccounts'} | AssumedRole | CRITICAL | changes Security Watch's own resource security-watch",
            "cloudformation | DeleteStackInstances | {'stackSetName':'SecurityWatch-Member','regions':['eu-west-1'],'retainStacks':false} | AssumedRole | CRITICAL | changes Security Watch's own resource SecurityWatch-Member",
            "iam | DeleteRolePolicy | {'roleName':'security-watch-forwarding-org-eu-west-1','policyName':'PutEventsOnCentralBus'} | AssumedRole | CRITICAL | changes Security Watch's own resource security-watch-forwarding-org-eu-west-1",
            "iam | CreateRole | {'roleName':'security-watch-canary-evil','assumeRolePolicyDocument':'{}'} | AssumedRole | CRITICAL | changes Security Watch's own resource security-watch-canary-evil",
            "kms | ScheduleKeyDeletion | {'keyId':'0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c','pendingWindowInDays':7} | AssumedRole | CRITICAL | changes Security Watch's own resource KMS key 0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c",
            "kms | PutKeyPolicy | {'keyId':'arn:aws:kms:us-east-1:111111111111:key/0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c','policyName':'default','policy':'{}'} | IAMUser | CRITICAL | changes Security Watch's own resource KMS key 0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c",
            "kms | DisableKey | {'keyId':'ffffffff-2f3e-4d5a-9b6c-7d8e9f0a1b2c'} | AssumedRole | MEDIUM | ",
            "kms | DisableKey | {'keyId':'alias/security-watch-alerts'} | AssumedRole | CRITICAL | changes Security Watch's own resource security-watch-alerts",
            "kms | DisableKey | {'keyId':'arn:aws:kms:us-east-1:222222222222:key/0b4a8c11-2f3e-4d5a-9b6c-7d8e9f0a1b2c-x'} | AssumedRole | MEDIUM | ",
            "events | DisableRule | {'name':'my-securitywatch-rule'} | AssumedRole | MEDIUM | ",
            "ec2 | AuthorizeSecurityGroupIngress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':22,'toPort':22,'ipRanges':{'items':[{'cidrIp':'10.0.0.0/8'}]}}]}} | IAMUser | LOW | ingress from private networks only (10.0.0.0/8)",
            "ec2 | AuthorizeSecurityGroupIngress | {'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':22,'toPort':22,'ipRanges':{'items':[{'cidrIp':'172.32.0.0/16'}]}}]}} | IAMUser | MEDIUM | ",
            "ec2 | ModifySnapshotAttribute | {'snapshotId':'snap-1','createVolumePermission':{'add':{'items':[{'userId':'222222222222'}]}}} | IAMUser | LOW | shared only with member accounts of this deployment (222222222222)",
            "ec2 | ModifySnapshotAttribute | {'snapshotId':'snap-1','createVolumePermission':{'add':{'items':[{'userId':'444444444444'}]}}} | IAMUser | LOW | shared only inside the organization (444444444444)",
            "ec2 | ModifyImageAttribute | {'imageId':'ami-1','launchPermission':{'add':{'items':[{'userId':'222222222222'},{'userId':'444444444444'}]}}} | IAMUser | LOW | shared only inside the organization (222222222222, 444444444444)",
            "ec2 | ModifySnapshotAttribute | {'snapshotId':'snap-1','createVolumePermission':{'add':{'items':[{'userId':'999999999999'}]}}} | IAMUser | HIGH | shared outside the organization: 999999999999",
            "ec2 | ModifyImageAttribute | {'imageId':'ami-1','launchPermission':{'add':{'items':[{'userId':'444444444444'},{'userId':'999999999999'},{'userId':'888888888888'}]}}} | IAMUser | HIGH | shared outside the organization: 999999999999, 888888888888",
            "ec2 | ModifySnapshotAttribute | {'snapshotId':'snap-1','createVolumePermission':{'remove':{'items':[{'userId':'999999999999'}]}}} | IAMUser | MEDIUM | ",
            "rds | ModifyDBClusterSnapshotAttribute | {'attributeName':'restore','valuesToAdd':['999999999999']} | IAMUser | HIGH | shared outside the organization: 999999999999",
            "rds | ModifyDBSnapshotAttribute | {'attributeName':'restore','valuesToAdd':['all','444444444444']} | IAMUser | MEDIUM | ",
            "ec2 | ModifyImageAttribute | {'imageId':'ami-1','launchPermission':{'add':{'items':[{'group':'all'}]}}} | IAMUser | MEDIUM | ",
            "rds | ModifyDBSnapshotAttribute | {'attributeName':'restore','valuesToAdd':['111111111111']} | IAMUser | LOW | shared only with member accounts of this deployment (111111111111)",
            "s3 | PutBucketPolicy | {'bucketName':'b','bucketPolicy':{'Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}} | IAMUser | CRITICAL | bucket policy allows * with no condition: anyone may use the bucket",
            "s3 | PutBucketPolicy | {'bucketName':'b','bucketPolicy':{'Statement':[{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-1'}}}]}} | IAMUser | MEDIUM | ",
            "events | DisableRule | {'name':'SecurityWatchdog-rule'} | AssumedRole | MEDIUM | "})
    void raisesSeverityForDangerousRequests(String service, String name, String request, String identity,
                                           Severity expected, String reason) throws Exception {
        SeverityAssessment assessment = assess(service, name, request, identity, null);

        assertThat(assessment.severity()).isEqualTo(expected);
        assertThat(assessment.reasons()).isEqualTo(reason == null ? List.of() : List.of(reason));
    }

    @ParameterizedTest
    @CsvSource({"AccessDenied", "Client.UnauthorizedOperation"})
    void refusedCallsChangedNothingAndAreNotRaised(String errorCode) throws Exception {
        SeverityAssessment assessment = assess("ec2", "AuthorizeSecurityGroupIngress",
                "{'groupId':'sg-1','ipPermissions':{'items':[{'ipProtocol':'tcp','fromPort':22,'toPort':22,"
                        + "'ipRanges':{'items':[{'cidrIp':'0.0.0.0/0'}]}}]}}", "IAMUser", errorCode);

        assertThat(assessment.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aDeploymentThroughCloudFormationIsRaisedToHighNotCritical() throws Exception {
        CloudTrailEvent event = CloudTrailEvent.fromDetail(MAPPER.readTree("""
                {"eventSource": "lambda.amazonaws.com", "eventName": "UpdateAlias20150331",
                 "sourceIPAddress": "cloudformation.amazonaws.com",
                 "userIdentity": {"type": "AssumedRole", "accountId": "1", "invokedBy": "cloudformation.amazonaws.com"},
                 "requestParameters": {"functionName": "security-watch-notifier", "name": "live"}}""")).orElseThrow();

        SeverityAssessment assessment = SeverityRules.assess(Severity.MEDIUM, event, List.of(), OWN_KEYS, () -> ORGANIZATION);

        assertThat(assessment.severity()).isEqualTo(Severity.HIGH);
        assertThat(assessment.reasons()).containsExactly(
                "changes Security Watch's own resource security-watch-notifier through CloudFormation");
    }

    @Test
    void anAwsServiceActingOnItsOwnIsNotRaised() throws Exception {
        CloudTrailEvent event = CloudTrailEvent.fromDetail(MAPPER.readTree("""
                {"eventSource": "sts.amazonaws.com", "eventName": "AssumeRole",
                 "userIdentity": {"type": "AWSService", "invokedBy": "lambda.amazonaws.com"},
                 "requestParameters": {"roleArn": "arn:aws:iam::1:role/security-watch-remediation-us-east-1"}}"""))
                .orElseThrow();

        assertThat(SeverityRules.assess(Severity.MEDIUM, event, List.of(), OWN_KEYS, () -> ORGANIZATION).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aShareOutsideTheOrganizationIsHeldAtHighAndNamesWhereEachAccountStands() throws Exception {
        CloudTrailEvent share = event("ec2", "ModifySnapshotAttribute", "{'snapshotId':'snap-1',"
                + "'createVolumePermission':{'add':{'items':[{'userId':'222222222222'},{'userId':'444444444444'},"
                + "{'userId':'999999999999'}]}}}", null);

        SeverityAssessment assessment = SeverityRules.assess(Severity.HIGH, share, List.of(), OWN_KEYS,
                () -> ORGANIZATION);

        assertThat(assessment.severity()).isEqualTo(Severity.HIGH);
        assertThat(assessment.reasons()).as("the catalog already said HIGH: nothing was raised").isEmpty();
        assertThat(assessment.decidedByRule()).as("a deployment does not lower it").isTrue();
        assertThat(assessment.sharedWith()).containsExactly(
                new ShareScope.Placed("222222222222", ShareScope.Place.MEMBER),
                new ShareScope.Placed("444444444444", ShareScope.Place.ORGANIZATION),
                new ShareScope.Placed("999999999999", ShareScope.Place.OUTSIDE));
    }

    @Test
    void aShareInsideTheOrganizationIsLoweredFromTheCatalogsHigh() throws Exception {
        CloudTrailEvent share = event("rds", "ModifyDBSnapshotAttribute",
                "{'attributeName':'restore','valuesToAdd':['444444444444']}", null);

        SeverityAssessment assessment = SeverityRules.assess(Severity.HIGH, share, List.of(), OWN_KEYS,
                () -> ORGANIZATION);

        assertThat(assessment.severity()).isEqualTo(Severity.LOW);
        assertThat(assessment.reasons()).containsExactly("shared only inside the organization (444444444444)");
    }

    @Test
    void withoutTheInventoryOnlyMemberAndConfiguredAccountsAreInsideAndTheReasonSaysSo() throws Exception {
        ShareScope configuredOnly = ShareScope.configured(MEMBERS, Set.of("333333333333"));
        CloudTrailEvent notEnrolled = event("ec2", "ModifySnapshotAttribute", "{'snapshotId':'snap-1',"
                + "'createVolumePermission':{'add':{'items':[{'userId':'444444444444'}]}}}", null);
        CloudTrailEvent configured = event("ec2", "ModifySnapshotAttribute", "{'snapshotId':'snap-1',"
                + "'createVolumePermission':{'add':{'items':[{'userId':'333333333333'}]}}}", null);

        SeverityAssessment unknown = SeverityRules.assess(Severity.MEDIUM, notEnrolled, List.of(), OWN_KEYS,
                () -> configuredOnly);
        SeverityAssessment inside = SeverityRules.assess(Severity.HIGH, configured, List.of(), OWN_KEYS,
                () -> configuredOnly);

        assertThat(unknown.severity()).isEqualTo(Severity.HIGH);
        assertThat(unknown.reasons()).containsExactly("shared outside the member and configured accounts (the"
                + " organization's inventory is unavailable): 444444444444");
        assertThat(unknown.sharedWith()).extracting(ShareScope.Placed::place).containsExactly(ShareScope.Place.UNKNOWN);
        assertThat(inside.severity()).isEqualTo(Severity.LOW);
        assertThat(inside.reasons()).containsExactly("shared only inside the organization (333333333333)");
    }

    @Test
    void onlyASuccessfulShareAsksWhereTheOrganizationEnds() throws Exception {
        Supplier<ShareScope> unreachable = () -> {
            throw new AssertionError("the organization was asked for a call that shares nothing");
        };

        for (CloudTrailEvent event : List.of(
                event("ec2", "AuthorizeSecurityGroupIngress", "{'groupId':'sg-1'}", null),
                event("ec2", "ModifySnapshotAttribute", "{'snapshotId':'snap-1','createVolumePermission':"
                        + "{'add':{'items':[{'group':'all'}]}}}", null),
                event("ec2", "ModifySnapshotAttribute", "{'snapshotId':'snap-1','createVolumePermission':"
                        + "{'remove':{'items':[{'userId':'999999999999'}]}}}", null),
                event("ec2", "ModifySnapshotAttribute", "{'snapshotId':'snap-1','createVolumePermission':"
                        + "{'add':{'items':[{'userId':'999999999999'}]}}}", "Client.UnauthorizedOperation"))) {
            SeverityAssessment assessment = SeverityRules.assess(Severity.HIGH, event, List.of(), OWN_KEYS,
                    unreachable);
            assertThat(assessment.severity()).as(event.eventName()).isEqualTo(Severity.HIGH);
            assertThat(assessment.sharedWith()).isEmpty();
        }
    }

    private static SeverityAssessment assess(String service, String name, String request, String identity,
                                             String errorCode) throws Exception {
        CloudTrailEvent event = event(service, name, request, identity, errorCode);
        return SeverityRules.assess(Severity.MEDIUM, event, SecurityGroupChanges.of(event).orElse(List.of()),
                OWN_KEYS, () -> ORGANIZATION);
    }

    /** An IAM user's call, written with single quotes ({@code \\'} for a quote inside a string). */
    private static CloudTrailEvent event(String service, String name, String request, String errorCode)
            throws Exception {
        return event(service, name, request, "IAMUser", errorCode);
    }

    private static CloudTrailEvent event(String service, String name, String request, String identity,
                                         String errorCode) throws Exception {
        String json = ("{'eventSource':'" + service + ".amazonaws.com','eventName':'" + name
                + "','userIdentity':{'type':'" + identity + "','accountId':'1'}"
                + (errorCode == null ? "" : ",'errorCode':'" + errorCode + "'")
                + ",'requestParameters':" + request.replace("\\'", "\u0000") + "}").replace('\'', '"')
                .replace("\u0000", "\\\"");
        return CloudTrailEvent.fromDetail(MAPPER.readTree(json)).orElseThrow();
    }
}
