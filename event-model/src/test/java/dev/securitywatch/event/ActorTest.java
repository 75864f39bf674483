package dev.securitywatch.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.testing.CorpusEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ActorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IAMUser          | {\"type\":\"IAMUser\",\"userName\":\"alice\",\"arn\":\"arn:aws:iam::111111111111:user/alice\"} | IAM_USER | alice",
            "AssumedRole      | {\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111111111111:assumed-role/Admin/jdoe\",\"sessionContext\":{\"sessionIssuer\":{\"userName\":\"Admin\"},\"sourceIdentity\":\"jdoe@example.com\"}} | ASSUMED_ROLE | Admin/jdoe",
            "AssumedRole, no issuer | {\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111111111111:assumed-role/Deployer/ci-42\"} | ASSUMED_ROLE | Deployer/ci-42",
            "Root             | {\"type\":\"Root\",\"accountId\":\"111111111111\"} | ROOT | root (111111111111)",
            "AWSService       | {\"type\":\"AWSService\",\"invokedBy\":\"config.amazonaws.com\"} | AWS_SERVICE | config.amazonaws.com",
            "FederatedUser    | {\"type\":\"FederatedUser\",\"arn\":\"arn:aws:sts::111111111111:federated-user/bob\",\"sessionContext\":{\"sessionIssuer\":{\"userName\":\"bob-iam\"}}} | FEDERATED_USER | bob-iam/bob",
            "SAMLUser         | {\"type\":\"SAMLUser\",\"principalId\":\"SAMLXYZ:carol@example.com\",\"userName\":\"carol@example.com\"} | SAML_USER | carol@example.com",
            "WebIdentityUser  | {\"type\":\"WebIdentityUser\",\"principalId\":\"accounts.google.com:app:123\",\"identityProvider\":\"accounts.google.com\"} | WEB_IDENTITY_USER | app:123",
            "IdentityCenterUser | {\"type\":\"IdentityCenterUser\",\"onBehalfOf\":{\"userId\":\"9067-uuid\"}} | IDENTITY_CENTER_USER | 9067-uuid",
            "IdentityCenterUser with an arn | {\"type\":\"IdentityCenterUser\",\"arn\":\"arn:aws:identitystore::111111111111:user/Alice\",\"onBehalfOf\":{\"userId\":\"544894e8-80c1-707f-60e3-3ba6510dfac1\"}} | IDENTITY_CENTER_USER | Alice",
            "AWSAccount       | {\"type\":\"AWSAccount\",\"accountId\":\"222222222222\",\"principalId\":\"AIDAEXAMPLE\"} | AWS_ACCOUNT | account 222222222222",
            "unfamiliar type  | {\"type\":\"Robot\",\"principalId\":\"R2\"} | UNKNOWN | R2",
            "empty identity   | {} | UNKNOWN | unknown",
            "missing          | null | MISSING | unknown (no identity in the event)"})
    void resolvesEveryIdentityType(String label, String json, ActorType type, String name) throws Exception {
        Actor actor = Actor.from(MAPPER.readTree(json));
        assertThat(actor.type()).isEqualTo(type);
        assertThat(actor.name()).isEqualTo(name);
    }

    /** The documented shape (CloudTrail user guide, userIdentity element): only ids; a sign-in names the user. */
    @Test
    void anIdentityCenterSignInIsNamedByItsUserNameNotTheOpaqueId() throws Exception {
        Actor actor = Actor.from(MAPPER.readTree("{\"type\":\"IdentityCenterUser\",\"accountId\":\"123456789012\","
                        + "\"onBehalfOf\":{\"userId\":\"544894e8-80c1-707f-60e3-3ba6510dfac1\",\"identityStoreArn\":"
                        + "\"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7\"},\"credentialId\":\"EXAMPLE\"}"),
                MAPPER.readTree("{\"UserName\":\"alice@example.com\",\"CredentialType\":\"PASSWORD\"}"));

        assertThat(actor.name()).isEqualTo("alice@example.com");
    }

    @Test
    void assumedRoleKeepsSessionAndSourceIdentity() throws Exception {
        Actor actor = Actor.from(MAPPER.readTree("{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::1:assumed-role/R/s\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"userName\":\"R\"},\"sourceIdentity\":\"who\"}}"));
        assertThat(actor.sessionName()).isEqualTo("s");
        assertThat(actor.sourceIdentity()).isEqualTo("who");
    }

    @Test
    void everyCorpusCallHasANonBlankActor() {
        CorpusEvents.allEvents().forEach(event -> event.envelope().cloudTrailEvent().ifPresent(call ->
                assertThat(call.actor().name()).as(event.path()).isNotBlank()));
    }
}
