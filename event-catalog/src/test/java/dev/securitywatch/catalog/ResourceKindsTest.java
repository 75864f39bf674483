package dev.securitywatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.CloudTrailEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resource kind of alert headlines, e.g. "Security group" in "Security group change detected". */
class ResourceKindsTest {
    private static final Catalog CATALOG = Catalog.defaults();

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            // no entry: from the event's service, as the notifier's headline always said
            "iam.amazonaws.com            | CreateUser                      |                       | IAM",
            "foo.amazonaws.com            | CreateThing                     |                       | foo",
            "weird                        | CreateThing                     |                       | weird",
            "rds.amazonaws.com            | AuthorizeDBSecurityGroupIngress |                       | Security group",
            "secretsmanager.amazonaws.com | PutSecretValue                  |                       | Secrets Manager",
            // an entry of one service: its kind
            "ec2.amazonaws.com            | CreateVpc                       | vpc-change            | EC2 network",
            "ec2.amazonaws.com            | ModifySecurityGroupRules        | security-group-change | Security group",
            "kms.amazonaws.com            | DisableKey                      | kms-key-disable-or-deletion | KMS key",
            "sts.amazonaws.com            | GetFederationToken              | sts-federation-token  | STS credentials",
            "route53domains.amazonaws.com | TransferDomain        | route53-domain-transfer | Route 53 domain",
            // an entry that spans services: from the event, so root's calls read as before
            "ec2.amazonaws.com            | AuthorizeSecurityGroupIngress   | root-activity         | Security group",
            "iam.amazonaws.com            | CreateUser                      | root-activity         | IAM",
            "appmesh.amazonaws.com        | CreateVirtualNode               | unauthorized-api-call | appmesh"})
    void headlineKind(String eventSource, String eventName, String entryId, String expected) throws Exception {
        CloudTrailEvent event = CloudTrailEvent.fromDetail(new ObjectMapper().readTree(
                "{\"eventSource\":\"" + eventSource + "\",\"eventName\":\"" + eventName + "\"}")).orElseThrow();
        Optional<CatalogEntry> entry = Optional.ofNullable(entryId).map(id -> CATALOG.entry(id).orElseThrow());
        assertThat(ResourceKinds.of(entry, event)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"security-group-change, Security group", "vpc-change, EC2 network", "iam-role-change, IAM",
            "cloudtrail-stopped, CloudTrail", "lambda-tampering, Lambda function"})
    void entriesCarryTheirKind(String entryId, String kind) {
        assertThat(CATALOG.entry(entryId).orElseThrow().resourceKind()).isEqualTo(kind);
    }

    /** A name a user adds to an entry (catalog.extraEventNames) reads as the entry's kind. */
    @Test
    void aNameAddedToAnEntryTakesTheEntrysKind() throws Exception {
        CatalogEntry entry = CATALOG.entry("security-group-change").orElseThrow()
                .withExtraEventNames(List.of("ModifyNetworkInterfaceAttribute"));
        CloudTrailEvent event = CloudTrailEvent.fromDetail(new ObjectMapper().readTree(
                "{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"ModifyNetworkInterfaceAttribute\"}"))
                .orElseThrow();
        assertThat(ResourceKinds.of(Optional.of(entry), event)).isEqualTo("Security group");
        assertThat(ResourceKinds.of(Optional.empty(), event)).isEqualTo("EC2 network");
    }
}
