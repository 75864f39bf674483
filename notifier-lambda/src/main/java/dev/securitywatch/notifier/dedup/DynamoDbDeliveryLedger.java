package dev.securitywatch.notifier.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.awslite.AwsCallException;
import dev.securitywatch.awslite.AwsJsonClient;
import dev.securitywatch.notifier.service.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;

/**
 * The delivery ledger in DynamoDB. Table: partition key {@code id} (String); TTL attribute {@code expiresAt}
 * (epoch seconds). A claim is a conditional put of state {@code SENDING} with a lease; a confirmed delivery is state
 * {@code DELIVERED} kept for the retention period. A claim whose Lambda died expires with its lease, so the message
 * is never lost to a crash: until then a retry sees {@link Claim#IN_PROGRESS} and fails, to be retried again. The
 * lease should be a little longer than the function timeout and shorter than Lambda's first retry delay (1 minute).
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {
    public static final String KEY = "id";
    public static final String TTL_ATTRIBUTE = "expiresAt";
    static final String STATE = "state";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String SENDING = "SENDING";
    static final String DELIVERED = "DELIVERED";
    private static final String CONDITION_FAILED = "ConditionalCheckFailedException";

    private final AwsJsonClient dynamoDb;
    private final ObjectMapper mapper;
    private final String tableName;
    private final Duration lease;
    private final Duration retention;

    public DynamoDbDeliveryLedger(AwsJsonClient dynamoDb, ObjectMapper mapper, String tableName, Duration lease,
                                  Duration retention) {
        this.dynamoDb = dynamoDb;
        this.mapper = mapper;
        this.tableName = tableName;
        this.lease = lease;
        this.retention = retention;
    }

    @Override
    public Claim claim(String key, Instant now) {
        long leaseUntil = now.plus(lease).getEpochSecond();
        ObjectNode request = mapper.createObjectNode().put("TableName", tableName)
                .put("ConditionExpression", "attribute_not_exists(#id) OR (#state = :sending AND #lease < :now)")
                .put("ReturnValuesOnConditionCheckFailure", "ALL_OLD");
        ObjectNode item = request.putObject("Item");
        item.set(KEY, s(key));
        item.set(STATE, s(SENDING));
        item.set(LEASE_UNTIL, n(leaseUntil));
        item.set(TTL_ATTRIBUTE, n(leaseUntil));
        request.putObject("ExpressionAttributeNames").put("#id", KEY).put("#state", STATE).put("#lease", LEASE_UNTIL);
        ObjectNode values = request.putObject("ExpressionAttributeValues");
        values.set(":sending", s(SENDING));
        values.set(":now", n(now.getEpochSecond()));
        try {
            dynamoDb.call("PutItem", request);
            return Claim.CLAIMED;
        } catch (AwsCallException e) {
            if (!CONDITION_FAILED.equals(e.errorCode())) {
                throw unavailable("claim", e);
            }
            JsonNode existing = e.details().has("Item") ? e.details().path("Item") : read(key);
            return DELIVERED.equals(existing.path(STATE).path("S").asText())
                    ? Claim.ALREADY_DELIVERED : Claim.IN_PROGRESS;
        }
    }

    private JsonNode read(String key) {
        ObjectNode request = mapper.createObjectNode().put("TableName", tableName).put("ConsistentRead", true);
        request.putObject("Key").set(KEY, s(key));
        try {
            return dynamoDb.call("GetItem", request).path("Item");
        } catch (AwsCallException e) {
            throw unavailable("claim", e);
        }
    }

    @Override
    public void confirm(String key, Instant now) {
        ObjectNode request = mapper.createObjectNode().put("TableName", tableName);
        ObjectNode item = request.putObject("Item");
        item.set(KEY, s(key));
        item.set(STATE, s(DELIVERED));
        item.set("deliveredAt", s(now.toString()));
        item.set(TTL_ATTRIBUTE, n(now.plus(retention).getEpochSecond()));
        try {
            dynamoDb.call("PutItem", request);
        } catch (AwsCallException e) {
            throw unavailable("confirm", e);
        }
    }

    @Override
    public void release(String key) {
        ObjectNode request = mapper.createObjectNode().put("TableName", tableName)
                .put("ConditionExpression", "#state = :sending");
        request.putObject("Key").set(KEY, s(key));
        request.putObject("ExpressionAttributeNames").put("#state", STATE);
        request.putObject("ExpressionAttributeValues").set(":sending", s(SENDING));
        try {
            dynamoDb.call("DeleteItem", request);
        } catch (AwsCallException e) {
            // A failed condition means it was delivered by someone else meanwhile, or is gone: nothing to give up.
            if (!CONDITION_FAILED.equals(e.errorCode())) {
                throw unavailable("release", e);
            }
        }
    }

    private LedgerUnavailableException unavailable(String operation, AwsCallException e) {
        return new LedgerUnavailableException(operation + " on table " + tableName + " failed: " + e.errorCode());
    }

    private ObjectNode s(String value) {
        return mapper.createObjectNode().put("S", value);
    }

    private ObjectNode n(long value) {
        return mapper.createObjectNode().put("N", Long.toString(value));
    }
}
