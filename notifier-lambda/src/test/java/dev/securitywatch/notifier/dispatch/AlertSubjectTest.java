package dev.securitywatch.notifier.dispatch;

import static dev.securitywatch.notifier.support.Rendering.RENDERER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.Rendering;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subject every renderer gives: what grouping and incident threads key on. */
class AlertSubjectTest {

    @Test
    void anAssumedRolesSessionsAreOneActorAndTheGroupIsTheResource() throws IOException {
        Alert.Subject subject = render(Rendering.fixture("revoke-by-remediation-role.json"));

        assertThat(subject.action()).isEqualTo("RevokeSecurityGroupIngress");
        assertThat(subject.actor()).contains(
                "arn:aws:sts::112233445566:assumed-role/security-watch-remediation-us-east-1");
        assertThat(subject.resources()).first().asString().startsWith("security-group:sg-");
    }

    @Test
    void anIamUserIsItsArnAndThePolicyTargetIsTheResource() {
        Alert.Subject subject = render(AcceptanceData.text(
                "cloudtrail/iam-AttachUserPolicy-IAMUser-stratus-1.json"));

        assertThat(subject.actor()).hasValueSatisfying(arn -> assertThat(arn).startsWith("arn:aws:iam::")
                .contains(":user/"));
        assertThat(subject.resources()).anyMatch(ref -> ref.startsWith("iam-user:"))
                .anyMatch(ref -> ref.startsWith("iam-policy:arn:aws:iam::aws:policy/"));
    }

    @Test
    void aTrailIsNamedByItsName() {
        Alert.Subject subject = render(AcceptanceData.text("cloudtrail/cloudtrail-StopLogging-IAMUser-stratus-1.json"));

        assertThat(subject.action()).isEqualTo("StopLogging");
        assertThat(subject.resources()).singleElement().asString().startsWith("cloudtrail-trail:");
    }

    @Test
    void aRemediationResultIsAboutItsGroupAndHasNoActor() throws IOException {
        Alert.Subject subject = render(Rendering.fixture("remediation-result.json"));

        assertThat(subject.actor()).isEqualTo(Optional.empty());
        assertThat(subject.resources()).singleElement().asString().startsWith("security-group:sg-");
    }

    @Test
    void findingsAndUnreadableInputHaveAnActionOnly() {
        Alert.Subject finding = render(AcceptanceData.text(
                "guardduty/gd-eb-UnauthorizedAccess-IAMUser-TorIPCaller-c7n-1.json"));
        Alert.Subject unreadable = render("not json");

        assertThat(finding.action()).isEqualTo("UnauthorizedAccess:IAMUser/TorIPCaller");
        assertThat(finding.actor()).isEmpty();
        assertThat(unreadable).isEqualTo(Alert.Subject.of("FALLBACK", Optional.empty()));
    }

    private static Alert.Subject render(String json) {
        return RENDERER.render(Rendering.parse(json).get(0)).alert().subject();
    }

}
