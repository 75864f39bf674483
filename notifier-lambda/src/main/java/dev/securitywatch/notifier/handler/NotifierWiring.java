package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.chat.fanout.ChatFanOut;
import dev.securitywatch.chat.delivery.ChatHttp;
import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.event.UnreadableMessage;
import dev.securitywatch.event.transport.DeliveredRecord;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.transport.RecordsDecoder;
import java.util.List;
import java.util.Optional;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
import dev.securitywatch.notifier.dedup.DynamoDbSuppressionTally;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson;
import dev.securitywatch.notifier.bucket.S3CoverageReports;
import dev.securitywatch.notifier.dedup.DynamoDbFirstSeenStore;
import dev.securitywatch.notifier.dedup.DynamoDbHeartbeatStore;
import dev.securitywatch.notifier.dedup.DynamoDbThreadStore;
import dev.securitywatch.notifier.health.CoverageAlert;
import dev.securitywatch.notifier.health.HeartbeatTracker;
import dev.securitywatch.notifier.health.SilenceAlert;
import dev.securitywatch.notifier.service.FirstSeen;
import dev.securitywatch.notifier.service.HeartbeatWatch;
import dev.securitywatch.notifier.service.Threading;
import dev.securitywatch.notifier.suppress.NoiseRules;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.dispatch.AlertRenderer;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import dev.securitywatch.notifier.render.SlackLayout;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.DeliveryLedger;
import dev.securitywatch.notifier.service.NotificationService;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.notifier.service.OrganizationView;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.Pacer;
import dev.securitywatch.lambdakit.retry.Sleeper;
import dev.securitywatch.notifier.burst.BurstPlanner;
import dev.securitywatch.notifier.burst.SummaryAlert;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The collaborators of one container, built once. */
public final class NotifierWiring {
    private final EnvelopeParser parser;
    private final NotificationService service;
    private final OrganizationView organization;

    private NotifierWiring(EnvelopeParser parser, NotificationService service, OrganizationView organization) {
        this.parser = parser;
        this.service = service;
        this.organization = organization;
    }

    /**
     * Production wiring from the Lambda environment, once per container: the AWS SDK clients (region from
     * {@code AWS_REGION}, the secret's client in the secret's own region, credentials from the SDK's default provider
     * chain), the chat HTTP client and the senders. No network call happens here: credentials, the secret, the
     * table and the organization's inventory are first touched by a real event, never by SnapStart priming.
     */
    public static NotifierWiring fromEnvironment(Map<String, String> env, ObjectMapper mapper) {
        NotifierSettings config = NotifierSettings.fromEnvironment(env, mapper);
        if (config.slackSecretId() == null) {
            throw new IllegalArgumentException("SLACK_SECRET_ID is not set");
        }
        if (config.dedupTableName() == null) {
            throw new IllegalArgumentException("DEDUP_TABLE_NAME is not set");
        }
        if (config.heartbeatTableName() == null) {
            throw new IllegalArgumentException("HEARTBEAT_TABLE_NAME is not set");
        }
        if (config.coverageBucket() == null) {
            throw new IllegalArgumentException("COVERAGE_BUCKET is not set");
        }
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS_REGION is not set");
        }
        SdkHttpClient awsHttp = awsHttpClient();
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        SecretsManagerClient secrets = secretsManager(Region.of(SecretsManagerSecretReader.regionOf(
                config.slackSecretId(), region)), awsHttp, credentials);
        CachedSlackSecret secret = new CachedSlackSecret(new SecretsManagerSecretReader(secrets),
                config.slackSecretId(), config.secretMaxAge(), Clock.systemUTC());
        HttpClient chatHttp = ChatHttp.client();
        Pacer pacer = config.pace().pacer(Clock.systemUTC(), Sleeper.REAL);
        AlertOutbox outbox = new ChatOutbox(ChatFanOut.cached(secret, SlackSender.create(chatHttp, pacer),
                ChatworkSender.create(chatHttp, pacer)), config.routes());
        DynamoDbClient table = dynamoDb(Region.of(region), awsHttp, credentials);
        DeliveryLedger ledger = new DynamoDbDeliveryLedger(table, config.dedupTableName(), config.dedupLease(),
                config.dedupRetention());
        return create(config, new NotifierStores(ledger, new DynamoDbSuppressionTally(table, config.dedupTableName()),
                new DynamoDbThreadStore(table, config.dedupTableName()),
                new DynamoDbHeartbeatStore(table, config.heartbeatTableName()),
                new S3CoverageReports(s3(Region.of(region), awsHttp, credentials), config.coverageBucket(),
                        new OrganizationInventoryJson(mapper)),
                new DynamoDbFirstSeenStore(table, config.dedupTableName())), outbox, new NotifierLog(), mapper);
    }

    /** The SDK's URLConnection HTTP client: no extra threads, little to load; both AWS clients share it. */
    static SdkHttpClient awsHttpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The dedup table's client; SnapStart priming builds the same one on an offline HTTP client. */
    static DynamoDbClient dynamoDb(Region region, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http).build();
    }

    /** The coverage bucket's client; an adopted membership bucket may live in another region. */
    static S3Client s3(Region region, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return S3Client.builder().region(region).crossRegionAccessEnabled(true).credentialsProvider(credentials)
                .httpClient(http).build();
    }

    /** The Slack secret's client; SnapStart priming builds the same one on an offline HTTP client. */
    static SecretsManagerClient secretsManager(Region region, SdkHttpClient http,
                                               AwsCredentialsProvider credentials) {
        return SecretsManagerClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .build();
    }

    public static NotifierWiring create(NotifierSettings config, NotifierStores stores, AlertOutbox outbox,
                                        NotifierLog log, ObjectMapper mapper) {
        Catalog catalog = Catalog.defaults().configure(config.catalogSettings());
        OrganizationView organization = new OrganizationView(stores.coverage(), config.configured().paths().keySet(),
                config.organizationAccounts(), Clock.systemUTC(), log);
        RenderSettings render = config.renderSettings().withAccounts(config.renderSettings().accounts()
                .withOrganizationNames(organization::accountName));
        AlertRenderer renderer = new AlertRenderer(new CatalogMatcher(catalog), render,
                organization::shareScope, config.configured().stackSet().isPresent()
                        ? organization::hasStackSetInstance : StackSetInstances.NONE);
        SlackLayout layout = new SlackLayout(render.mentionOnCritical());
        return new NotifierWiring(new EnvelopeParser(mapper), new NotificationService(renderer, layout,
                stores.ledger(), outbox, log, new NoiseRules(config.muteAutomation(), config.suppressions()),
                stores.tally(), new BurstPlanner(config.groupThreshold()),
                new SummaryAlert(render, config.groupThreshold()),
                new Threading(stores.threads(), config.incidentWindow(), config.groupWindow()),
                heartbeatWatch(config, render, stores), new FirstSeen(stores.firstSeen(), config.firstSeenWindow()),
                Clock.systemUTC()), organization);
    }

    private static HeartbeatWatch heartbeatWatch(NotifierSettings config, RenderSettings render,
                                                 NotifierStores stores) {
        HeartbeatTracker tracker = new HeartbeatTracker(config.canaryInterval());
        return new HeartbeatWatch(stores.heartbeats(), tracker, new SilenceAlert(render, config.canaryInterval()),
                config.configured(), new CoverageAlert(render), stores.coverage());
    }

    /**
     * The records of a Lambda event (SQS, SNS, a CloudTrail file) with their ids, or the whole input as one record
     * without an id when it is a bare event.
     */
    public List<DeliveredRecord> records(JsonNode input) {
        if (input != null && RecordsDecoder.isRecords(input)) {
            return new RecordsDecoder(parser).decode(input);
        }
        return List.of(new DeliveredRecord(null, Optional.empty(), input == null
                ? List.of(new UnreadableMessage("", "empty input")) : parser.parse(input)));
    }

    public EnvelopeParser parser() {
        return parser;
    }

    public NotificationService service() {
        return service;
    }

    /** What the organization inventory answers (SnapStart priming runs without it). */
    public OrganizationView organization() {
        return organization;
    }
}
