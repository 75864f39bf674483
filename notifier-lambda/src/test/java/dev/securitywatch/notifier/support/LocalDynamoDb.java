package dev.securitywatch.notifier.support;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local (the real engine, in memory) served over HTTP on 127.0.0.1 inside the test JVM, so the ledger's
 * real SDK client, its JSON protocol, signing and HTTP client are exercised end to end. Its stock launcher binds every
 * interface; this one mounts the same handler on a loopback-only connector.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {
    private Server server;
    private LocalDynamoDBRequestHandler engine;
    private DynamoDbClient client;

    /** The class that started it; a @Nested class inherits the extension and must neither start nor stop it. */
    private ExtensionContext owner;

    /** Started once for the test class that registers it ({@code @RegisterExtension static}), stopped after. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (owner != null) {
            return;
        }
        owner = context;
        engine = new LocalDynamoDBRequestHandler(0, true, null, false, false);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new LocalDynamoDBServerHandler(engine, null));
        server.start();
        client = client(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    /** The real SDK client for {@code endpoint}, with local credentials and the SDK's retries without their waits. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIALOCAL",
                        "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .build()))
                .build();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates an on-demand table keyed by the string attribute {@code id}. */
    public void createTable(String name) {
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build()));
    }

    /** The item stored under {@code id}, read consistently; empty when there is none. */
    public Map<String, AttributeValue> item(String table, String id) {
        return client.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context != owner) {
            return;
        }
        owner = null;
        client.close();
        server.stop();
        engine.shutdown();
    }
}
