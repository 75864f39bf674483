package dev.securitywatch.notifier.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.awslite.AwsJsonClient;
import dev.securitywatch.awslite.AwsJsonService;
import dev.securitywatch.awslite.CredentialsSource;
import dev.securitywatch.awslite.LambdaCredentials;
import dev.securitywatch.awslite.http.PlainHttp;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.EnvelopeParser;
import dev.securitywatch.catalog.pattern.CatalogMatcher;
import dev.securitywatch.notifier.dedup.DynamoDbDeliveryLedger;
import dev.securitywatch.notifier.delivery.ChatOutbox;
import dev.securitywatch.notifier.dispatch.AlertRenderer;
import dev.securitywatch.notifier.render.SlackLayout;
import dev.securitywatch.notifier.service.AlertOutbox;
import dev.securitywatch.notifier.service.DeliveryLedger;
import dev.securitywatch.notifier.service.NotificationService;
import dev.securitywatch.notifier.service.NotifierLog;
import dev.securitywatch.chat.delivery.ChatworkSender;
import dev.securitywatch.chat.delivery.SlackSender;
import dev.securitywatch.chat.secret.CachedSlackSecret;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import java.time.Clock;
import java.util.Map;

/** The collaborators of one container, built once. */
public final class NotifierWiring {
    private final EnvelopeParser parser;
    private final NotificationService service;

    private NotifierWiring(EnvelopeParser parser, NotificationService service) {
        this.parser = parser;
        this.service = service;
    }

    /**
     * Production wiring from the Lambda environment. No network call happens here: credentials, the secret and the
     * table are first touched by a real event, never by SnapStart priming.
     */
    public static NotifierWiring fromEnvironment(Map<String, String> env, ObjectMapper mapper) {
        NotifierSettings config = NotifierSettings.fromEnvironment(env, mapper);
        if (config.slackSecretId() == null) {
            throw new IllegalArgumentException("SLACK_SECRET_ID is not set");
        }
        if (config.dedupTableName() == null) {
            throw new IllegalArgumentException("DEDUP_TABLE_NAME is not set");
        }
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS_REGION is not set");
        }
        PlainHttp http = new PlainHttp();
        CredentialsSource credentials = LambdaCredentials.fromProcessEnvironment(http, mapper);
        CachedSlackSecret secret = new CachedSlackSecret(SecretsManagerSecretReader.forSecret(config.slackSecretId(),
                region, credentials, http, mapper), config.slackSecretId(), config.secretMaxAge(), Clock.systemUTC());
        AlertOutbox outbox = new ChatOutbox(secret, SlackSender.create(http), ChatworkSender.create(http),
                config.routes());
        DeliveryLedger ledger = new DynamoDbDeliveryLedger(AwsJsonClient.regional(AwsJsonService.DYNAMODB, region,
                credentials, http, mapper), mapper, config.dedupTableName(), config.dedupLease(),
                config.dedupRetention());
        return create(config, ledger, outbox, new NotifierLog(), mapper);
    }

    public static NotifierWiring create(NotifierSettings config, DeliveryLedger ledger, AlertOutbox outbox,
                                         NotifierLog log, ObjectMapper mapper) {
        Catalog catalog = Catalog.defaults().configure(config.catalogSettings());
        AlertRenderer renderer = new AlertRenderer(new CatalogMatcher(catalog), config.renderSettings());
        SlackLayout layout = new SlackLayout(config.renderSettings().mentionOnCritical());
        return new NotifierWiring(new EnvelopeParser(mapper), new NotificationService(renderer, layout, ledger,
                outbox, log, config.muteAutomation(), Clock.systemUTC()));
    }

    public EnvelopeParser parser() {
        return parser;
    }

    public NotificationService service() {
        return service;
    }
}
