package dev.securitywatch.notifier.support;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.awslite.AwsCredentials;
import dev.securitywatch.awslite.AwsJsonClient;
import dev.securitywatch.awslite.AwsJsonService;
import dev.securitywatch.awslite.http.PlainHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local (the real engine, in memory) served over HTTP on 127.0.0.1 inside the test JVM, so the ledger's
 * own HTTP client, JSON protocol and signing are exercised end to end. Its stock launcher binds every interface;
 * this one mounts the same handler on a loopback-only connector.
 */
public final class LocalDynamoDb implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Server server;
    private final LocalDynamoDBRequestHandler engine;
    private final AwsJsonClient client;

    public LocalDynamoDb() throws Exception {
        engine = new LocalDynamoDBRequestHandler(0, true, null, false, false);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new LocalDynamoDBServerHandler(engine, null));
        server.start();
        client = client(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    /** A client with local credentials and fast retries for {@code endpoint}. */
    public static AwsJsonClient client(URI endpoint) {
        return new AwsJsonClient(AwsJsonService.DYNAMODB, "us-east-1", endpoint,
                () -> new AwsCredentials("AKIALOCAL", "local", null, null), new PlainHttp(), MAPPER,
                new AwsJsonClient.Retries(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)), d -> { },
                () -> 0.0, Clock.systemUTC());
    }

    public AwsJsonClient client() {
        return client;
    }

    /** Creates an on-demand table keyed by the string attribute {@code id}. */
    public void createTable(String name) {
        ObjectNode request = MAPPER.createObjectNode().put("TableName", name).put("BillingMode", "PAY_PER_REQUEST");
        request.putArray("KeySchema").addObject().put("AttributeName", "id").put("KeyType", "HASH");
        request.putArray("AttributeDefinitions").addObject().put("AttributeName", "id").put("AttributeType", "S");
        client.call("CreateTable", request);
    }

    /** The item stored under {@code id}, read consistently; a missing node when there is none. */
    public JsonNode item(String table, String id) {
        ObjectNode request = MAPPER.createObjectNode().put("TableName", table).put("ConsistentRead", true);
        request.putObject("Key").putObject("id").put("S", id);
        return client.call("GetItem", request).path("Item");
    }

    @Override
    public void close() throws Exception {
        server.stop();
        engine.shutdown();
    }
}
