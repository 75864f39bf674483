package dev.securitywatch.lambdakit.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationInventoryJsonTest {
    private final OrganizationInventoryJson json = new OrganizationInventoryJson(new ObjectMapper());

    @Test
    void writesAndReadsTheSameInventorySorted() {
        OrganizationInventory inventory = new OrganizationInventory(Instant.parse("2026-12-04T02:00:00Z"),
                List.of(new OrganizationInventory.Account("222222222222", "prod", "ACTIVE"),
                        new OrganizationInventory.Account("111111111111", " ", "SUSPENDED")),
                Map.of("222222222222", List.of("us-west-2", "eu-west-1")), Optional.of("AccessDenied"));

        OrganizationInventory read = json.read(json.write(inventory));

        assertThat(read).isEqualTo(inventory);
        assertThat(read.accounts()).extracting(OrganizationInventory.Account::id)
                .containsExactly("111111111111", "222222222222");
        assertThat(read.accounts().get(0).name()).isNull();
        assertThat(read.enabledRegions().get("222222222222")).containsExactly("eu-west-1", "us-west-2");
        assertThat(read.accounts().get(1).isActive()).isTrue();
        assertThat(read.accounts().get(0).isActive()).isFalse();
    }

    @Test
    void keepsTheStackSetsInstancesAndWhatIsWrongWithEach() {
        OrganizationInventory.StackSetInstances stackSet = new OrganizationInventory.StackSetInstances(
                "SecurityWatch-Member", List.of(
                new OrganizationInventory.StackInstance("333333333333", "eu-west-1", "CURRENT", "SUCCEEDED",
                        "IN_SYNC", null),
                new OrganizationInventory.StackInstance("222222222222", "us-east-1", "OUTDATED", "FAILED", null,
                        "Region eu-south-1 is not enabled"),
                new OrganizationInventory.StackInstance("222222222222", "eu-west-1", "OUTDATED", "PENDING", null,
                        null),
                new OrganizationInventory.StackInstance("444444444444", "eu-west-1", "CURRENT", "SUCCEEDED",
                        "DRIFTED", null)), Optional.empty());
        OrganizationInventory inventory = new OrganizationInventory(Instant.parse("2026-12-04T02:00:00Z"),
                List.of(), Map.of(), Optional.empty(), Optional.of(stackSet));

        OrganizationInventory read = json.read(json.write(inventory));

        assertThat(read).isEqualTo(inventory);
        assertThat(read.stackSet().orElseThrow().instances()).extracting(i -> i.account() + "/" + i.region())
                .containsExactly("222222222222/eu-west-1", "222222222222/us-east-1", "333333333333/eu-west-1",
                        "444444444444/eu-west-1");
        assertThat(read.stackSet().orElseThrow().instances()).extracting(i -> i.problem().orElse("ok"))
                .containsExactly("outdated (PENDING)", "outdated (FAILED): Region eu-south-1 is not enabled", "ok",
                        "drifted: changed outside the StackSet");
        assertThat(json.read(json.write(new OrganizationInventory(Instant.parse("2026-12-04T02:00:00Z"),
                List.of(), Map.of(), Optional.empty()))).stackSet()).as("stacks mode writes none").isEmpty();
    }

    @Test
    void refusesWhatItDoesNotUnderstandSayingWhat() {
        assertThatThrownBy(() -> json.read("{\"schema\":1,\"readAt\":\"2026-12-04T02:00:00Z\",\"accounts\":[],"
                + "\"enabledRegions\":{},\"stackSet\":{\"name\":\"SecurityWatch-Member\",\"instances\":"
                + "[{\"account\":\"111111111111\",\"region\":\"us-east-1\"}]}}"))
                .hasMessageContaining("stack instance \"111111111111\" needs a region and a status");
        assertThatThrownBy(() -> json.read("{\"schema\":1,\"readAt\":\"2026-12-04T02:00:00Z\",\"accounts\":[],"
                + "\"enabledRegions\":{},\"stackSet\":[]}")).hasMessageContaining("stackSet must be an object");
        assertThatThrownBy(() -> json.read("not json")).hasMessageStartingWith("organization inventory: not JSON");
        assertThatThrownBy(() -> json.read("[]")).hasMessage("organization inventory: expected a JSON object");
        assertThatThrownBy(() -> json.read("{\"schema\":2}")).hasMessageContaining("schema 2 is not 1");
        assertThatThrownBy(() -> json.read("{\"schema\":1,\"readAt\":\"yesterday\"}"))
                .hasMessageContaining("readAt must be an ISO instant");
        assertThatThrownBy(() -> json.read("{\"schema\":1,\"readAt\":\"2026-12-04T02:00:00Z\",\"accounts\":"
                + "[{\"id\":\"12345\",\"state\":\"ACTIVE\"}],\"enabledRegions\":{}}"))
                .hasMessageContaining("expected a 12-digit account id, got '12345'");
        assertThatThrownBy(() -> json.read("{\"schema\":1,\"readAt\":\"2026-12-04T02:00:00Z\",\"accounts\":"
                + "[{\"id\":\"111111111111\"}],\"enabledRegions\":{}}"))
                .hasMessageContaining("account \"111111111111\" has no state");
        assertThatThrownBy(() -> json.read("{\"schema\":1,\"readAt\":\"2026-12-04T02:00:00Z\",\"accounts\":[],"
                + "\"enabledRegions\":{\"111111111111\":\"us-east-1\"}}"))
                .hasMessageContaining("enabledRegions.111111111111 must be a list");
    }
}
