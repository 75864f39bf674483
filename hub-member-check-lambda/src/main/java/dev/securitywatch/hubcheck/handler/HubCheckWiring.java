package dev.securitywatch.hubcheck.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import dev.securitywatch.hubcheck.aws.AccountRegionReader;
import dev.securitywatch.hubcheck.aws.OrganizationAccountReader;
import dev.securitywatch.hubcheck.aws.S3SnapshotStore;
import dev.securitywatch.hubcheck.aws.SecurityHubMemberReader;
import dev.securitywatch.hubcheck.aws.StackInstanceReader;
import dev.securitywatch.hubcheck.check.CheckSettings;
import dev.securitywatch.hubcheck.check.EnabledRegions;
import dev.securitywatch.hubcheck.check.MembershipCheck;
import dev.securitywatch.hubcheck.check.OrganizationAccounts;
import dev.securitywatch.hubcheck.check.ReportPublisher;
import dev.securitywatch.hubcheck.check.StackSetInstancesSource;
import dev.securitywatch.hubcheck.report.SectionBudget;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.settings.HubCheckSettings;
import dev.securitywatch.hubcheck.settings.StackSetSettings;
import dev.securitywatch.hubcheck.slack.SlackReportPublisher;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/** Builds the collaborators once per container, from the environment the infra sets. */
final class HubCheckWiring {
    /** Slack retries (429, 5xx) may take this long in all; the Lambda timeout leaves room for it. */
    private static final Duration SLACK_DELIVERY_BUDGET = Duration.ofSeconds(60);

    private HubCheckWiring() {
    }

    static MembershipCheck fromEnvironment(Map<String, String> env) {
        ObjectMapper mapper = new ObjectMapper();
        HubCheckSettings config = HubCheckSettings.from(env, mapper);
        CheckSettings settings = config.settings();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        Map<String, SecurityHubClient> securityHub = new LinkedHashMap<>();
        settings.regions().forEach(region -> securityHub.put(region, SecurityHubClient.builder()
                .region(Region.of(region)).credentialsProvider(credentials).httpClient(http).build()));
        Region central = Region.of(settings.centralRegion());
        // Organizations has one global endpoint per partition; the central region resolves to its partition's.
        Optional<OrganizationAccounts> organizations = settings.readOrganizations()
                ? Optional.of(new OrganizationAccountReader(OrganizationsClient.builder().region(central)
                        .credentialsProvider(credentials).httpClient(http).build()))
                : Optional.empty();
        // An adopted bucket may live in another region than the hub.
        S3Client s3 = S3Client.builder().region(central).crossRegionAccessEnabled(true)
                .credentialsProvider(credentials).httpClient(http).build();
        ReportPublisher slack = slackPublisher(config, http, credentials);
        // Account Management is global too: the central region resolves to its partition's endpoint.
        EnabledRegions enabledRegions = new AccountRegionReader(AccountClient.builder().region(central)
                .credentialsProvider(credentials).httpClient(http).build(), config.ownAccount());
        Optional<StackSetInstancesSource> stackSet = config.stackSet()
                .map(source -> stackSetSource(source, central, http, credentials));
        return new MembershipCheck(settings, new SecurityHubMemberReader(securityHub), organizations, enabledRegions,
                stackSet, new S3SnapshotStore(s3, config.bucket()), slack, new SnapshotCodec(mapper),
                new SlackReportRenderer(SectionBudget.DEFAULT), Clock.systemUTC());
    }

    private static StackSetInstancesSource stackSetSource(StackSetSettings stackSet, Region central,
                                                          SdkHttpClient http, AwsCredentialsProvider credentials) {
        if (stackSet instanceof StackSetSettings.Readable readable) {
            return new StackInstanceReader(cloudFormation(central, http, credentials), readable.name(),
                    readable.callAs());
        }
        return StackSetInstancesSource.unreadable(stackSet.name(),
                ((StackSetSettings.NotReadable) stackSet).reason());
    }

    /**
     * The StackSet's client, in the central region: the StackSet stack is deployed there, and StackSets are regional.
     * SnapStart priming builds the same one on an offline HTTP client.
     */
    static CloudFormationClient cloudFormation(Region region, SdkHttpClient http,
                                               AwsCredentialsProvider credentials) {
        return CloudFormationClient.builder().region(region).credentialsProvider(credentials).httpClient(http).build();
    }

    /**
     * Slack and Chatwork through chat-delivery's fan-out. The secret is read in its own region: the one its ARN
     * names, else the central region.
     */
    private static ReportPublisher slackPublisher(HubCheckSettings config, SdkHttpClient http,
                                                  AwsCredentialsProvider credentials) {
        String secretId = config.slackSecretId();
        SecretsManagerClient secrets = secretsManager(Region.of(SecretsManagerSecretReader.regionOf(secretId,
                config.settings().centralRegion())), http, credentials);
        HttpClient chatHttp = ChatHttp.client();
        ChatFanOut chat = ChatFanOut.cached(new CachedSlackSecret(new SecretsManagerSecretReader(secrets), secretId),
                // One report a day: no pace to keep; a 429 still waits its Retry-After.
                SlackSender.create(chatHttp, Pacer.NONE), ChatworkSender.create(chatHttp, Pacer.NONE));
        return new SlackReportPublisher(chat, SLACK_DELIVERY_BUDGET, config.slackChannel());
    }

    /** The Slack secret's client; SnapStart priming builds the same one on an offline HTTP client. */
    static SecretsManagerClient secretsManager(Region region, SdkHttpClient http,
                                               AwsCredentialsProvider credentials) {
        return SecretsManagerClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .build();
    }
}
