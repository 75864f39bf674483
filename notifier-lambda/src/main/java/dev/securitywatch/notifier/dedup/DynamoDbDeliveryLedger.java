package dev.securitywatch.notifier.dedup;

import static dev.securitywatch.notifier.dedup.Attributes.n;
import static dev.securitywatch.notifier.dedup.Attributes.s;

import dev.securitywatch.notifier.service.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The delivery ledger in DynamoDB. Table: partition key {@code id} (String); TTL attribute {@code expiresAt}
 * (epoch seconds). A claim is a conditional put of state {@code SENDING} with a lease; a confirmed delivery is state
 * {@code DELIVERED} kept for the retention period. A claim whose Lambda died expires with its lease, so the message
 * is never lost to a crash: until then a retry sees {@link Claim#IN_PROGRESS} and fails, to be retried again. The
 * lease should be a little longer than the function timeout and shorter than Lambda's first retry delay (1 minute).
 *
 * <p>A refused claim asks for the existing item back ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}), so telling
 * a duplicate from a claim in progress costs no second call. The SDK client retries throttling and 5xx answers.
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {
    public static final String KEY = "id";
    public static final String TTL_ATTRIBUTE = "expiresAt";
    static final String STATE = "state";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String SENDING = "SENDING";
    static final String DELIVERED = "DELIVERED";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration lease;
    private final Duration retention;

    public DynamoDbDeliveryLedger(DynamoDbClient dynamoDb, String tableName, Duration lease, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.lease = lease;
        this.retention = retention;
    }

    @Override
    public Claim claim(String key, Instant now) {
        long leaseUntil = now.plus(lease).getEpochSecond();
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(Map.of(KEY, s(key), STATE, s(SENDING), LEASE_UNTIL, n(leaseUntil),
                            TTL_ATTRIBUTE, n(leaseUntil)))
                    .conditionExpression("attribute_not_exists(#id) OR (#state = :sending AND #lease < :now)")
                    .expressionAttributeNames(Map.of("#id", KEY, "#state", STATE, "#lease", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":sending", s(SENDING), ":now", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.hasItem() ? taken.item() : read(key);
            AttributeValue state = existing.get(STATE);
            return state != null && DELIVERED.equals(state.s()) ? Claim.ALREADY_DELIVERED : Claim.IN_PROGRESS;
        } catch (SdkException e) {
            throw unavailable("claim", e);
        }
    }

    /** Only when the refusal did not carry the item (a store that ignores ALL_OLD). */
    private Map<String, AttributeValue> read(String key) {
        try {
            return dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(KEY, s(key))).consistentRead(true))
                    .item();
        } catch (SdkException e) {
            throw unavailable("claim", e);
        }
    }

    @Override
    public void confirm(String key, Instant now) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(Map.of(KEY, s(key), STATE, s(DELIVERED),
                    "deliveredAt", s(now.toString()), TTL_ATTRIBUTE, n(now.plus(retention).getEpochSecond()))));
        } catch (SdkException e) {
            throw unavailable("confirm", e);
        }
    }

    @Override
    public void release(String key) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(Map.of(KEY, s(key)))
                    .conditionExpression("#state = :sending")
                    .expressionAttributeNames(Map.of("#state", STATE))
                    .expressionAttributeValues(Map.of(":sending", s(SENDING))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Delivered by someone else meanwhile, or already gone: nothing to give up.
        } catch (SdkException e) {
            throw unavailable("release", e);
        }
    }

    private LedgerUnavailableException unavailable(String operation, SdkException e) {
        return new LedgerUnavailableException(operation + " on table " + tableName + " failed: " + AwsErrors.code(e));
    }
}
