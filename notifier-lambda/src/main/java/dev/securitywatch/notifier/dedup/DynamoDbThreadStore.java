package dev.securitywatch.notifier.dedup;

import static dev.securitywatch.notifier.dedup.Attributes.n;
import static dev.securitywatch.notifier.dedup.Attributes.s;

import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.notifier.service.ThreadStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Open threads in the dedup table, one item per key ({@code thread#...}, {@code group#...}) with the parent's channel,
 * ts and first body, the reply count and the TTL attribute. DynamoDB deletes expired items only eventually, so a read
 * checks the expiry itself. The last writer wins: two invocations opening the same thread at once each post a parent,
 * and later alerts join the one saved last, which loses nothing.
 */
public final class DynamoDbThreadStore implements ThreadStore {
    static final String CHANNEL = "channel";
    static final String TS = "ts";
    static final String PARENT = "parent";
    static final String REPLIES = "replies";
    static final String OPENED_AT = "openedAt";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbThreadStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<OpenThread> find(String key, Instant now) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(r -> r.tableName(tableName)
                    .key(Map.of(DynamoDbDeliveryLedger.KEY, s(key)))).item();
        } catch (SdkException e) {
            throw new ThreadStoreUnavailableException("reading thread " + key + " from table " + tableName
                    + " failed: " + AwsErrors.code(e));
        }
        if (item == null || item.isEmpty() || expired(item, now)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OpenThread(new SlackMessageRef(text(item, CHANNEL), text(item, TS)),
                    text(item, PARENT), Integer.parseInt(item.get(REPLIES).n()),
                    Instant.parse(text(item, OPENED_AT))));
        } catch (RuntimeException unreadable) {
            // An item this code did not write, or from an older shape: start a new thread rather than fail.
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, OpenThread thread, Instant expires) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(Map.of(
                    DynamoDbDeliveryLedger.KEY, s(key),
                    CHANNEL, s(thread.parent().channel()),
                    TS, s(thread.parent().ts()),
                    PARENT, s(thread.parentJson()),
                    REPLIES, n(thread.replies()),
                    OPENED_AT, s(thread.openedAt().toString()),
                    DynamoDbDeliveryLedger.TTL_ATTRIBUTE, n(expires.getEpochSecond()))));
        } catch (SdkException e) {
            throw new ThreadStoreUnavailableException("saving thread " + key + " to table " + tableName
                    + " failed: " + AwsErrors.code(e));
        }
    }

    private static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue expires = item.get(DynamoDbDeliveryLedger.TTL_ATTRIBUTE);
        try {
            return expires == null || Long.parseLong(expires.n()) <= now.getEpochSecond();
        } catch (NumberFormatException | NullPointerException e) {
            return true;
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException(name + " missing");
        }
        return value.s();
    }
}
