package dev.securitywatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryBuilderTest {

    @Test
    void readOnlyNamesNeedAnExplicitOptIn() {
        assertThatThrownBy(() -> EntryBuilder.cloudTrail("x", Severity.LOW, "iam")
                .names("CreateUser", "ListUsers").title("t").build(Category.IAM))
                .hasMessageContaining("'ListUsers' looks like a read-only call");
        assertThatThrownBy(() -> EntryBuilder.anyAwsService("x", Severity.LOW).title("t").build(Category.IAM))
                .hasMessageContaining("needs an explicit opt-in");
        assertThat(EntryBuilder.cloudTrail("x", Severity.LOW, "iam").names("GetUser")
                .includingReadOnlyCalls().title("t").build(Category.IAM).readOnlyOptIn()).isTrue();
    }

    @Test
    void aCategoryFileSaysItsCategoryOnce() {
        List<CatalogEntry> entries = EntryBuilder.inCategory(Category.LOGGING,
                EntryBuilder.cloudTrail("a", Severity.LOW, "cloudtrail").names("StopLogging").title("a"),
                EntryBuilder.cloudTrail("b", Severity.LOW, "config").names("DeleteConfigRule").title("b"));
        assertThat(entries).extracting(CatalogEntry::id).containsExactly("a", "b");
        assertThat(entries).extracting(CatalogEntry::category).containsOnly(Category.LOGGING);
    }

    @Test
    void theResourceKindDefaultsToTheServicesAndCanBeSpelledOut() {
        assertThat(EntryBuilder.cloudTrail("x", Severity.LOW, "kms").names("DisableKey").title("t")
                .build(Category.DATA_PROTECTION).resourceKind()).isEqualTo("KMS key");
        assertThat(EntryBuilder.cloudTrail("x", Severity.LOW, "appmesh").names("DeleteMesh").title("t")
                .build(Category.NETWORK).resourceKind()).as("a service without a label is named as is")
                .isEqualTo("appmesh");
        assertThat(EntryBuilder.cloudTrail("x", Severity.LOW, "iam").names("CreateRole").title("t")
                .resourceKind("IAM role").build(Category.IAM).resourceKind()).isEqualTo("IAM role");
        assertThat(EntryBuilder.anyAwsService("x", Severity.LOW).includingReadOnlyCalls().title("t")
                .build(Category.ROOT_ACTIVITY).resourceKind()).as("spans services: each event says").isNull();
        assertThat(EntryBuilder.event("x", Severity.LOW, "aws.guardduty", "GuardDuty Finding").title("t")
                .build(Category.THREAT_FINDING).resourceKind()).isNull();
        assertThatThrownBy(() -> EntryBuilder.cloudTrail("x", Severity.LOW, "iam").names("CreateRole").title("t")
                .resourceKind(" ").build(Category.IAM))
                .hasMessageContaining("x: a resource kind, when given, must not be blank");
    }

    @Test
    void everyCategoryHasEntriesListedInDeclarationOrder() {
        List<Category> order = DefaultCatalog.entries().stream().map(CatalogEntry::category).distinct().toList();
        assertThat(order).containsExactlyInAnyOrder(Category.values());
        // Route 53 Domains (network) is listed with the other global services, before the rest of the network.
        assertThat(DefaultCatalog.entries().stream().map(CatalogEntry::category)
                .filter(c -> c != Category.NETWORK).distinct().toList())
                .containsExactlyElementsOf(Arrays.stream(Category.values()).filter(c -> c != Category.NETWORK)
                        .toList());
    }
}
