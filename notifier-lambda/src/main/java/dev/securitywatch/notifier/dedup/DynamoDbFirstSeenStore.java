package dev.securitywatch.notifier.dedup;

import static dev.securitywatch.notifier.dedup.Attributes.n;
import static dev.securitywatch.notifier.dedup.Attributes.s;

import dev.securitywatch.notifier.service.FirstSeenStore;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Last-seen items ({@code seen#<account>#<principal>#<action>}) in the dedup table: one UpdateItem per alert sets the
 * new expiry and returns the old one. DynamoDB deletes expired items only eventually, so an old expiry that has
 * passed counts as not seen.
 */
public final class DynamoDbFirstSeenStore implements FirstSeenStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFirstSeenStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean seenBefore(String key, Instant now, Instant expires) {
        Map<String, AttributeValue> old;
        try {
            old = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(DynamoDbDeliveryLedger.KEY, s(key)))
                    .updateExpression("SET #ttl = :expires")
                    .expressionAttributeNames(Map.of("#ttl", DynamoDbDeliveryLedger.TTL_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":expires", n(expires.getEpochSecond())))
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        } catch (SdkException e) {
            throw new FirstSeenStoreUnavailableException("recording " + key + " in table " + tableName
                    + " failed: " + AwsErrors.code(e));
        }
        AttributeValue previous = old == null ? null : old.get(DynamoDbDeliveryLedger.TTL_ATTRIBUTE);
        return previous != null && Long.parseLong(previous.n()) > now.getEpochSecond();
    }
}
