package dev.securitywatch.notifier.bucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.Account;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.notifier.cloudtrail.ShareScope;
import dev.securitywatch.notifier.cloudtrail.ShareScope.Place;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.service.OrganizationView;
import dev.securitywatch.notifier.support.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The share severity's view of the organization, read by the real S3 client from a local server speaking S3's
 * REST-XML (path-style): the membership watch's inventory while it is fresh, else only the configured accounts.
 */
class OrganizationViewFromTheBucketTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BUCKET = "security-watch-membership";
    private static final String INVENTORY = "/" + BUCKET + "/organization/inventory.json";
    private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");
    private static final String MEMBER = "111111111111";
    private static final String CONFIGURED = "333333333333";
    private static final String NOT_ENROLLED = "444444444444";
    private static final String SUSPENDED = "555555555555";
    private static final String STRANGER = "999999999999";
    private static final List<String> SHARED = List.of(MEMBER, CONFIGURED, NOT_ENROLLED, SUSPENDED, STRANGER);

    @RegisterExtension
    static final WireMockExtension S3 = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private final MovableClock clock = new MovableClock(NOW);
    private final OrganizationView scopes = new OrganizationView(new S3CoverageReports(S3Client.builder()
            .endpointOverride(URI.create(S3.baseUrl())).region(Region.US_EAST_1).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
            .httpClient(UrlConnectionHttpClient.create()).build(), BUCKET,
            new OrganizationInventoryJson(MAPPER)), Set.of(MEMBER), Set.of(CONFIGURED), clock, new NotifierLog());
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void aFreshInventoryPutsTheOrganizationsActiveAccountsInside() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW.minus(Duration.ofHours(20)))));

        ShareScope scope = scopes.shareScope();

        assertThat(scope.inventoryUsed()).isTrue();
        assertThat(places(scope)).containsExactly(Place.MEMBER, Place.ORGANIZATION, Place.ORGANIZATION,
                Place.OUTSIDE, Place.OUTSIDE);
        assertThat(logs.lines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("message").asText()).isEqualTo("organization inventory used (its active accounts"
                    + " count as inside for shares, the remediation role of its StackSet instances as automation):"
                    + " read at 2026-12-03T09:00:00Z, 3 active accounts, 0 StackSet instances");
        });
    }

    @Test
    void noInventoryLeavesOnlyTheConfiguredAccountsInside() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(s3Error(404, "NoSuchKey")));

        assertConfiguredOnly(scopes.shareScope());
        assertThat(logs.lines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).as("expected with readOrganizations off").isEqualTo("INFO");
            assertThat(line.path("message").asText()).isEqualTo("organization inventory not used (only member"
                    + " accounts and alerts.organizationAccounts count as inside for shares, only memberAccounts'"
                    + " remediation roles as automation): no"
                    + " inventory at s3://security-watch-membership/organization/inventory.json");
        });
    }

    @Test
    void aRefusedReadFallsBackLogsOnceAndIsNotRepeatedWithinTheHour() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(s3Error(403, "AccessDenied")));

        assertConfiguredOnly(scopes.shareScope());
        clock.advance(Duration.ofMinutes(59));
        assertConfiguredOnly(scopes.shareScope());

        S3.verify(1, getRequestedFor(urlPathEqualTo(INVENTORY)));
        assertThat(logs.lines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("message").asText()).endsWith("as automation): S3 GetObject"
                    + " s3://security-watch-membership/organization/inventory.json failed: AccessDenied (HTTP 403)");
        });
    }

    @Test
    void aFileThatIsNotAnInventoryFallsBack() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"schema\":7}")));

        assertConfiguredOnly(scopes.shareScope());
        assertThat(message()).contains("organization inventory: schema 7 is not 1");
    }

    @Test
    void aBucketThatDoesNotAnswerHoldsTheShareBackForSecondsAtMost() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW).withFixedDelay(10_000)));

        long started = System.nanoTime();
        assertConfiguredOnly(scopes.shareScope());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(message()).endsWith("failed: ApiCallTimeoutException");
    }

    @Test
    void anInventoryOlderThanFourDaysWidensNothing() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW.minus(Duration.ofDays(5)))));

        assertConfiguredOnly(scopes.shareScope());
        assertThat(message()).endsWith("the inventory was read at 2026-11-29T05:00:00Z, more than 4 days ago: the"
                + " membership watch has stopped");
    }

    @Test
    void anInventoryThatTurnsStaleBetweenReadsStopsCountingAtOnce() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(
                NOW.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(10)))));

        assertThat(scopes.shareScope().inventoryUsed()).isTrue();
        clock.advance(Duration.ofMinutes(30));

        assertConfiguredOnly(scopes.shareScope());
        S3.verify(1, getRequestedFor(urlPathEqualTo(INVENTORY)));
    }

    @Test
    void anInventoryDatedInTheFutureIsNotBelieved() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW.plus(Duration.ofDays(365)))));

        assertConfiguredOnly(scopes.shareScope());
        assertThat(message()).endsWith("the inventory says it was read at 2027-12-04T05:00:00Z, in the future");
    }

    @Test
    void theInventoryIsReadAgainAfterAnHourAndThenCounts() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(s3Error(500, "InternalError")));
        assertConfiguredOnly(scopes.shareScope());

        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW)));
        clock.advance(Duration.ofMinutes(59));
        assertConfiguredOnly(scopes.shareScope());
        clock.advance(Duration.ofMinutes(1));
        ShareScope refreshed = scopes.shareScope();

        assertThat(refreshed.inventoryUsed()).isTrue();
        assertThat(places(refreshed)).containsExactly(Place.MEMBER, Place.ORGANIZATION, Place.ORGANIZATION,
                Place.OUTSIDE, Place.OUTSIDE);
        assertThat(logs.lines()).extracting(line -> line.path("level").asText()).containsExactly("WARN", "INFO");
    }

    @Test
    void nothingIsReadUntilAShareAsks() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW)));

        clock.advance(Duration.ofDays(3));

        assertThat(S3.getAllServeEvents()).as("built, and days went by, without a read").isEmpty();
        assertThat(scopes.shareScope().inventoryUsed()).isTrue();
        S3.verify(1, getRequestedFor(urlPathEqualTo(INVENTORY)));
    }

    @Test
    void aFreshInventoryNamesTheStackSetsInstancesAndNothingElse() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryWithStackSet(NOW.minus(Duration.ofHours(20)))));

        assertThat(scopes.hasStackSetInstance(MEMBER, "eu-west-1")).isTrue();
        assertThat(scopes.hasStackSetInstance(MEMBER, "us-east-1")).as("another region").isFalse();
        assertThat(scopes.hasStackSetInstance(NOT_ENROLLED, "eu-west-1")).as("an account without one").isFalse();
        assertThat(message()).endsWith("3 active accounts, 1 StackSet instances");
    }

    @Test
    void aFreshInventoryNamesTheOrganizationsAccounts() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW.minus(Duration.ofHours(20)))));

        assertThat(scopes.accountName(NOT_ENROLLED)).contains("log-archive");
        assertThat(scopes.accountName(STRANGER)).isEmpty();
        S3.verify(1, getRequestedFor(urlPathEqualTo(INVENTORY)));
    }

    @Test
    void offlineNothingIsReadAndNothingIsRemembered() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryReadAt(NOW)));

        scopes.offline(() -> {
            assertThat(scopes.accountName(NOT_ENROLLED)).isEmpty();
            assertThat(scopes.shareScope().inventoryUsed()).isFalse();
            assertThat(scopes.hasStackSetInstance(MEMBER, "eu-west-1")).isFalse();
        });

        assertThat(S3.getAllServeEvents()).as("SnapStart priming reads nothing").isEmpty();
        assertThat(logs.lines()).isEmpty();
        assertThat(scopes.accountName(NOT_ENROLLED)).as("the first question after it reads").contains("log-archive");
    }

    @Test
    void aStaleInventoryNamesNoStackSetInstance() {
        S3.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(inventoryWithStackSet(NOW.minus(Duration.ofDays(5)))));

        assertThat(scopes.hasStackSetInstance(MEMBER, "eu-west-1")).isFalse();
        assertThat(message()).endsWith("more than 4 days ago: the membership watch has stopped");
    }

    private static ResponseDefinitionBuilder inventoryWithStackSet(Instant readAt) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                new OrganizationInventoryJson(MAPPER).write(new OrganizationInventory(readAt, List.of(
                        new Account(MEMBER, "prod", "ACTIVE"), new Account(NOT_ENROLLED, "log-archive", "ACTIVE"),
                        new Account("123456789012", "security", "ACTIVE")), Map.of(), Optional.empty(),
                        Optional.of(new OrganizationInventory.StackSetInstances("SecurityWatch-Member", List.of(
                                new OrganizationInventory.StackInstance(MEMBER, "eu-west-1", "CURRENT", "SUCCEEDED",
                                        "IN_SYNC", null)), Optional.empty())))));
    }

    private static void assertConfiguredOnly(ShareScope scope) {
        assertThat(scope.inventoryUsed()).isFalse();
        assertThat(places(scope)).containsExactly(Place.MEMBER, Place.ORGANIZATION, Place.UNKNOWN, Place.UNKNOWN,
                Place.UNKNOWN);
    }

    private static List<Place> places(ShareScope scope) {
        return scope.place(SHARED).stream().map(ShareScope.Placed::place).toList();
    }

    private String message() {
        List<JsonNode> lines = logs.lines();
        assertThat(lines).hasSize(1);
        return lines.get(0).path("message").asText();
    }

    /** The member, an active account not enrolled, a suspended one, and the security account. */
    private static ResponseDefinitionBuilder inventoryReadAt(Instant readAt) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                new OrganizationInventoryJson(MAPPER).write(new OrganizationInventory(readAt, List.of(
                        new Account(MEMBER, "prod", "ACTIVE"), new Account(NOT_ENROLLED, "log-archive", "ACTIVE"),
                        new Account(SUSPENDED, "old", "SUSPENDED"), new Account("123456789012", "security",
                                "ACTIVE")), Map.of(), Optional.empty())));
    }

    private static ResponseDefinitionBuilder s3Error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(
                "<?xml version=\"1.0\"?><Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>");
    }
}
