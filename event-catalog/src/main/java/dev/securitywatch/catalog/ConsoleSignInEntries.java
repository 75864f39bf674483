package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.CONSOLE_SIGN_IN;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.LOW;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** Console sign-ins, in every region: sign-in is logged where the endpoint is. */
final class ConsoleSignInEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(CONSOLE_SIGN_IN,
            cloudTrail("console-sign-in-without-mfa", HIGH, "signin")
                    .detailTypes(CatalogEntry.CONSOLE_SIGN_IN).names("ConsoleLogin")
                    .where("userIdentity", Map.of("type", List.of("IAMUser")))
                    .where("additionalEventData", Map.of("MFAUsed", List.of("No")))
                    .where("responseElements", Map.of("ConsoleLogin", List.of("Success")))
                    .title("Console sign-in without MFA")
                    .reference("CIS CloudWatch.2 (3.2)"),
            cloudTrail("console-sign-in-failure", MEDIUM, "signin")
                    .detailTypes(CatalogEntry.CONSOLE_SIGN_IN).names("ConsoleLogin")
                    .where("responseElements", Map.of("ConsoleLogin", List.of("Failure")))
                    .groupedByAccount()
                    .title("Console sign-in failed")
                    .reference("CIS CloudWatch.6 (3.6)"),
            cloudTrail("console-sign-in", LOW, "signin")
                    .detailTypes(CatalogEntry.CONSOLE_SIGN_IN).names("ConsoleLogin")
                    .optIn()
                    .title("Console sign-in")
                    .reference("research note: every sign-in, for teams that audit all console access"));

    private ConsoleSignInEntries() {
    }
}
