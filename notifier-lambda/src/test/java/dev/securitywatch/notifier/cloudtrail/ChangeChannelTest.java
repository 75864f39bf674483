package dev.securitywatch.notifier.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.support.Rendering;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How a change was made, and what a deployment's change does to its severity. */
class ChangeChannelTest {
    private static final RenderSettings.Deployments DEPLOYMENTS = new RenderSettings.Deployments(
            List.of("cdk-hnb659fds-cfn-exec-role-*", "terraform-deployer"), true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CloudFormation invoked  | {'type':'AssumedRole','arn':'arn:aws:sts::1:assumed-role/Any/s','invokedBy':'cloudformation.amazonaws.com'} | aws-cli/2 | | DEPLOYMENT",
            "CDK's execution role    | {'type':'AssumedRole','arn':'arn:aws:sts::1:assumed-role/cdk-hnb659fds-cfn-exec-role-1-us-east-1/s'} | aws-sdk-java | | DEPLOYMENT",
            "a listed role           | {'type':'AssumedRole','arn':'arn:aws:sts::1:assumed-role/terraform-deployer/ci'} | Terraform/1.9 | | DEPLOYMENT",
            "a look-alike role       | {'type':'AssumedRole','arn':'arn:aws:sts::1:assumed-role/terraform-deployer-evil/ci'} | Terraform/1.9 | | API",
            "console session         | {'type':'AssumedRole','arn':'arn:aws:sts::1:assumed-role/Admin/alice'} | Mozilla/5.0 | true | CONSOLE",
            "console user agent      | {'type':'IAMUser','userName':'alice'} | console.amazonaws.com | | CONSOLE",
            "the CLI                 | {'type':'IAMUser','userName':'alice'} | aws-cli/2.15 | | API"})
    void tellsHowTheChangeWasMade(String label, String identity, String agent, String fromConsole,
                                  ChangeChannel expected) throws Exception {
        String json = ("{'eventSource':'ec2.amazonaws.com','eventName':'AuthorizeSecurityGroupIngress',"
                + "'userAgent':'" + agent + "','userIdentity':" + identity
                + (fromConsole == null ? "" : ",'sessionCredentialFromConsole':'" + fromConsole + "'") + "}")
                .replace('\'', '"');
        CloudTrailEvent event = CloudTrailEvent.fromDetail(Rendering.MAPPER.readTree(json)).orElseThrow();

        assertThat(ChangeChannel.of(event, DEPLOYMENTS)).isEqualTo(expected);
    }

    @Test
    void aDeploymentsChangeDropsOneLevelButNeverFromCriticalNorBelowWhatARuleSaid() {
        Alert deployed = render("cdk-hnb659fds-cfn-exec-role-1-us-east-1", "DeleteFlowLogs", "{}");
        Alert byHand = render("Admin", "DeleteFlowLogs", "{}");
        Alert publicShare = render("cdk-hnb659fds-cfn-exec-role-1-us-east-1", "ModifySnapshotAttribute",
                "{\"createVolumePermission\":{\"add\":{\"items\":[{\"group\":\"all\"}]}}}");
        Alert shareOutside = render("cdk-hnb659fds-cfn-exec-role-1-us-east-1", "ModifySnapshotAttribute",
                "{\"createVolumePermission\":{\"add\":{\"items\":[{\"userId\":\"999999999999\"}]}}}");

        assertThat(byHand.severity()).isEqualTo(Severity.HIGH);
        assertThat(deployed.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(deployed.fields()).anySatisfy(field -> assertThat(field.label() + ": " + field.value())
                .isEqualTo("Made via: deployment · one severity level lower"));
        assertThat(publicShare.severity()).as("CRITICAL stays CRITICAL").isEqualTo(Severity.CRITICAL);
        assertThat(shareOutside.severity()).as("a share outside the organization stays HIGH")
                .isEqualTo(Severity.HIGH);
    }

    private static Alert render(String role, String eventName, String request) {
        String json = "{\"version\":\"0\",\"id\":\"e-" + role + eventName + "\",\"detail-type\":\"AWS API Call via"
                + " CloudTrail\",\"source\":\"aws.ec2\",\"account\":\"112233445566\",\"region\":\"us-east-1\","
                + "\"time\":\"2026-12-04T05:00:00Z\",\"detail\":{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\""
                + eventName + "\",\"eventTime\":\"2026-12-04T05:00:00Z\",\"awsRegion\":\"us-east-1\","
                + "\"recipientAccountId\":\"112233445566\",\"userAgent\":\"aws-sdk-java\",\"userIdentity\":{\"type\":"
                + "\"AssumedRole\",\"arn\":\"arn:aws:sts::112233445566:assumed-role/" + role + "/s\",\"accountId\":"
                + "\"112233445566\"},\"requestParameters\":" + request + "}}";
        return Rendering.RENDERER.render(Rendering.parse(json).get(0)).alert();
    }
}
