package dev.securitywatch.notifier.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configured names win; the organization names the accounts nothing else does. */
class AccountsTest {
    private final Accounts accounts = new Accounts(Map.of("111111111111", "prod"))
            .withOrganizationNames(account -> Optional.of("org-" + account.substring(0, 3)).filter(
                    name -> !account.equals("999999999999")));

    @Test
    void aConfiguredNameWinsOverTheOrganizationsAndTheCallers() {
        assertThat(accounts.describe("111111111111")).isEqualTo("prod (111111111111)");
        assertThat(accounts.describe("111111111111", "Production")).isEqualTo("prod (111111111111)");
    }

    @Test
    void anAccountOnlyTheOrganizationNamesTakesItsName() {
        assertThat(accounts.describe("222222222222")).isEqualTo("org-222 (222222222222)");
        assertThat(accounts.describe("222222222222", "from the inventory row")).as("the caller's name first")
                .isEqualTo("from the inventory row (222222222222)");
    }

    @Test
    void anAccountNobodyNamesIsItsIdAndNoAccountIsSaidSo() {
        assertThat(accounts.describe("999999999999")).isEqualTo("999999999999");
        assertThat(accounts.describe(null)).isEqualTo("unknown account");
        assertThat(new Accounts(Map.of()).describe("222222222222")).as("without the organization")
                .isEqualTo("222222222222");
    }
}
