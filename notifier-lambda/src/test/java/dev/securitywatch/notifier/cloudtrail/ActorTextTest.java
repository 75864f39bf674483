package dev.securitywatch.notifier.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.Actor;
import dev.securitywatch.notifier.alert.Accounts;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "{'type':'IAMUser','userName':'alice','accountId':'111'} => alice (IAM user)",
            "{'type':'AssumedRole','arn':'arn:aws:sts::111:assumed-role/Admin/bob','accountId':'111','sessionContext':{'sessionIssuer':{'userName':'Admin'},'sourceIdentity':'carol'}} => Admin/bob (assumed role), source identity carol",
            "{'type':'Root','accountId':'111'} => ROOT USER of account 111",
            "{'type':'AWSService','invokedBy':'cloudformation.amazonaws.com'} => cloudformation.amazonaws.com (AWS service)",
            "{'type':'FederatedUser','arn':'arn:aws:sts::111:federated-user/dave','accountId':'111','sessionContext':{'sessionIssuer':{'userName':'dave-iam'}}} => dave-iam/dave (federated user)",
            "{'type':'SAMLUser','userName':'erin@example.com'} => erin@example.com (SAML user)",
            "{'type':'WebIdentityUser','userName':'frank','identityProvider':'accounts.google.com'} => frank (web identity user)",
            "{'type':'IdentityCenterUser','accountId':'111','onBehalfOf':{'userId':'u-1'}} => u-1 (IAM Identity Center user)",
            "{'type':'AWSAccount','accountId':'222','principalId':'AIDAX'} => account 222 (cross-account caller)",
            "{'type':'IAMUser','userName':'grace','accountId':'222'} => grace (IAM user), from account 222",
            "{'type':'AssumedRole','arn':'arn:aws:sts::111:assumed-role/R/s','accountId':'111','invokedBy':'ec2.amazonaws.com'} => R/s (assumed role), via ec2.amazonaws.com",
            "{'type':'SomethingNew','principalId':'p-1'} => p-1 (SomethingNew)",
            "null => unknown (no identity in the event)"})
    void describesEveryIdentityType(String identity, String expected) throws Exception {
        Actor actor = Actor.from(MAPPER.readTree(identity.replace('\'', '"')));
        assertThat(ActorText.describe(actor, "111")).isEqualTo(expected);
    }

    /** Member 111111111111 in us-east-1 and eu-west-1; the change happens in 111111111111 us-east-1. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "arn:aws:sts::111111111111:assumed-role/security-watch-remediation-us-east-1/s, true",
            "arn:aws:sts::111111111111:assumed-role/security-watch-remediation-org-us-east-1/s, true",
            "arn:aws:sts::111111111111:assumed-role/security-watch-remediation-org-eu-west-1/s, false",
            "arn:aws:sts::111111111111:assumed-role/security-watch-remediation-org2-us-east-1/s, false",
            "arn:aws:sts::111111111111:assumed-role/security-watch-remediation-eu-west-1/s, false",
            "arn:aws:sts::222222222222:assumed-role/security-watch-remediation-us-east-1/s, false",
            "arn:aws:sts::111111111111:assumed-role/security-watch-remediation-us-east-1-evil/s, false",
            "arn:aws:sts::111111111111:assumed-role/my-security-watch-remediation-us-east-1/s, false",
            "arn:aws:sts::111111111111:assumed-role/Admin/security-watch-remediation-us-east-1, false",
            "arn:aws:iam::111111111111:user/security-watch-remediation-us-east-1, false"})
    void onlyTheExactRemediationRoleOfAConfiguredAccountAndRegionIsAutomation(String arn, boolean expected)
            throws Exception {
        RenderSettings settings = new RenderSettings(Accounts.none(), Optional.empty(), false,
                Map.of("111111111111", List.of("us-east-1", "eu-west-1")), Set.of(),
                RenderSettings.Deployments.DEFAULTS);
        Actor actor = Actor.from(MAPPER.readTree("{\"type\":\"" + (arn.contains(":user/") ? "IAMUser" : "AssumedRole")
                + "\",\"arn\":\"" + arn + "\"}"));

        assertThat(ActorText.isRemediationRole(actor, "111111111111", "us-east-1", settings,
                StackSetInstances.NONE)).isEqualTo(expected);
    }

    /** The StackSet has instances in 333333333333 us-east-1 and eu-west-1; neither account is configured. */
    @ParameterizedTest(name = "{0} in {1} {2} -> {3}")
    @CsvSource({
            "arn:aws:sts::333333333333:assumed-role/security-watch-remediation-org-us-east-1/s, 333333333333, us-east-1, true",
            "arn:aws:sts::333333333333:assumed-role/security-watch-remediation-org-eu-west-1/s, 333333333333, eu-west-1, true",
            "arn:aws:sts::333333333333:assumed-role/security-watch-remediation-org-us-east-1/s, 333333333333, eu-west-1, false",
            "arn:aws:sts::333333333333:assumed-role/security-watch-remediation-us-east-1/s, 333333333333, us-east-1, false",
            "arn:aws:sts::444444444444:assumed-role/security-watch-remediation-org-us-east-1/s, 444444444444, us-east-1, false",
            "arn:aws:sts::444444444444:assumed-role/security-watch-remediation-org-us-east-1/s, 333333333333, us-east-1, false",
            "arn:aws:sts::333333333333:assumed-role/security-watch-remediation-org-us-east-1-x/s, 333333333333, us-east-1, false"})
    void theStackSetsRemediationRoleIsAutomationOnlyWhereTheStackSetHasAnInstance(String arn, String account,
                                                                                 String region, boolean expected)
            throws Exception {
        Set<String> instances = Set.of("333333333333 us-east-1", "333333333333 eu-west-1");
        Actor actor = Actor.from(MAPPER.readTree("{\"type\":\"AssumedRole\",\"arn\":\"" + arn + "\"}"));

        assertThat(ActorText.isRemediationRole(actor, account, region, RenderSettings.defaults(),
                (inAccount, inRegion) -> instances.contains(inAccount + " " + inRegion))).isEqualTo(expected);
    }

    @Test
    void theRemediationRoleOfAnAccountThatIsNotConfiguredIsAPerson() throws Exception {
        Actor actor = Actor.from(MAPPER.readTree("{\"type\":\"AssumedRole\",\"arn\":"
                + "\"arn:aws:sts::333333333333:assumed-role/security-watch-remediation-us-east-1/s\"}"));

        assertThat(ActorText.isRemediationRole(actor, "333333333333", "us-east-1", RenderSettings.defaults(),
                StackSetInstances.NONE)).isFalse();
    }
}
