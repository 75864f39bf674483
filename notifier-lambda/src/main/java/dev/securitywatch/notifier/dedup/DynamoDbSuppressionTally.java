package dev.securitywatch.notifier.dedup;

import dev.securitywatch.notifier.service.SuppressionTally;
import dev.securitywatch.notifier.service.Weeks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tally in the dedup table, one item per suppression and week: {@code id} = {@code suppressed#<id>#<week>}, one
 * number attribute per event name ({@code event:CreateTags}), and the TTL attribute, so counts clean themselves up
 * after {@link #RETENTION}. One {@code UpdateItem} with {@code ADD} per suppression per invocation: concurrent
 * invocations add up without reading first.
 */
public final class DynamoDbSuppressionTally implements SuppressionTally {
    /** Long enough for the digest of the week after, and a look back. */
    static final Duration RETENTION = Duration.ofDays(35);
    static final String EVENT_PREFIX = "event:";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSuppressionTally(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(Map<String, Map<String, Integer>> hidden, Instant now) {
        String week = Weeks.of(now);
        hidden.forEach((id, counts) -> {
            if (counts.isEmpty()) {
                return;
            }
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder add = new StringBuilder("SET #ttl = :ttl ADD ");
            int i = 0;
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                add.append(i == 0 ? "" : ", ").append("#e").append(i).append(" :c").append(i);
                names.put("#e" + i, EVENT_PREFIX + count.getKey());
                values.put(":c" + i, AttributeValue.fromN(Integer.toString(count.getValue())));
                i++;
            }
            names.put("#ttl", DynamoDbDeliveryLedger.TTL_ATTRIBUTE);
            values.put(":ttl", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
            try {
                dynamoDb.updateItem(r -> r.tableName(tableName).key(key(id, week))
                        .updateExpression(add.toString())
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
            } catch (SdkException e) {
                throw unavailable("add to", e);
            }
        });
    }

    @Override
    public Map<String, Integer> hidden(String suppressionId, String week) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(suppressionId, week)).consistentRead(true))
                    .item();
        } catch (SdkException e) {
            throw unavailable("read", e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(EVENT_PREFIX) && value.n() != null) {
                counts.put(name.substring(EVENT_PREFIX.length()), Integer.parseInt(value.n()));
            }
        });
        return counts;
    }

    private static Map<String, AttributeValue> key(String suppressionId, String week) {
        return Map.of(DynamoDbDeliveryLedger.KEY, AttributeValue.fromS("suppressed#" + suppressionId + "#" + week));
    }

    private TallyUnavailableException unavailable(String operation, SdkException e) {
        return new TallyUnavailableException(operation + " the suppression tally in table " + tableName
                + " failed: " + AwsErrors.code(e));
    }
}
