package dev.securitywatch.notifier.dedup;

import static dev.securitywatch.notifier.dedup.Attributes.n;
import static dev.securitywatch.notifier.dedup.Attributes.s;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.PathState;
import dev.securitywatch.notifier.service.HeartbeatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The heartbeat table: one item per path ({@code <account>#<region>}) with its last heartbeat (epoch milliseconds),
 * the last one the organization's StackSet sent, whether it was reported silent, and a TTL that forgets a path a
 * quarter after its last heartbeat. A table of its own, so the check's scan reads the paths and nothing else. A
 * heartbeat is a conditional update that only moves time forward.
 * <p>
 * A StackSet heartbeat moves both times in one write; only while a per-account stack still writes newer ones in the
 * same path (a migration) does it take a second write, for the StackSet's time alone. The StackSet's time is never
 * later than the path's.
 */
public final class DynamoDbHeartbeatStore implements HeartbeatStore {
    static final String LAST = "lastHeartbeat";
    static final String LAST_FROM_STACKSET = "lastStackSetHeartbeat";
    static final String SILENT = "reportedSilent";
    static final Duration FORGET_AFTER = Duration.ofDays(90);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbHeartbeatStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(Collection<Heartbeat> newest) {
        for (Heartbeat heartbeat : newest) {
            boolean fromStackSet = heartbeat.deployment() == MemberNames.STACKSET;
            Map<String, String> names = new HashMap<>(Map.of("#last", LAST, "#account", "account",
                    "#region", "region", "#ttl", DynamoDbDeliveryLedger.TTL_ATTRIBUTE));
            if (fromStackSet) {
                names.put("#stackSet", LAST_FROM_STACKSET);
            }
            try {
                dynamoDb.updateItem(r -> r.tableName(tableName).key(key(heartbeat.path()))
                        .updateExpression("SET #last = :at, #account = :account, #region = :region, #ttl = :ttl"
                                + (fromStackSet ? ", #stackSet = :at" : ""))
                        .conditionExpression("attribute_not_exists(#last) OR #last < :at")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":at", n(heartbeat.at().toEpochMilli()),
                                ":account", s(heartbeat.path().account()), ":region", s(heartbeat.path().region()),
                                ":ttl", n(heartbeat.at().plus(FORGET_AFTER).getEpochSecond()))));
            } catch (ConditionalCheckFailedException older) {
                // A duplicate or an older heartbeat: the path's time stays where it is.
                if (fromStackSet) {
                    recordStackSetOnly(heartbeat);
                }
            } catch (SdkException e) {
                throw unavailable("record", e);
            }
        }
    }

    private void recordStackSetOnly(Heartbeat heartbeat) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(heartbeat.path()))
                    .updateExpression("SET #stackSet = :at")
                    .conditionExpression("attribute_exists(#last) AND (attribute_not_exists(#stackSet)"
                            + " OR #stackSet < :at)")
                    .expressionAttributeNames(Map.of("#stackSet", LAST_FROM_STACKSET, "#last", LAST))
                    .expressionAttributeValues(Map.of(":at", n(heartbeat.at().toEpochMilli()))));
        } catch (ConditionalCheckFailedException older) {
            // The StackSet already proved this path as late or later.
        } catch (SdkException e) {
            throw unavailable("record", e);
        }
    }

    @Override
    public List<PathState> all() {
        List<PathState> paths = new ArrayList<>();
        try {
            dynamoDb.scanPaginator(r -> r.tableName(tableName).consistentRead(true)).items().forEach(item -> {
                AttributeValue last = item.get(LAST);
                if (last != null && item.get("account") != null && item.get("region") != null) {
                    AttributeValue silent = item.get(SILENT);
                    paths.add(new PathState(new Heartbeat.Path(item.get("account").s(), item.get("region").s()),
                            Instant.ofEpochMilli(Long.parseLong(last.n())), Optional.ofNullable(item.get(
                                    LAST_FROM_STACKSET)).map(at -> Instant.ofEpochMilli(Long.parseLong(at.n()))),
                            silent != null && silent.bool()));
                }
            });
        } catch (SdkException e) {
            throw unavailable("scan", e);
        }
        return paths;
    }

    @Override
    public void markSilent(Heartbeat.Path path) {
        mark(path, true);
    }

    @Override
    public void markRecovered(Heartbeat.Path path) {
        mark(path, false);
    }

    private void mark(Heartbeat.Path path, boolean silent) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key(path))
                    .updateExpression("SET #silent = :silent")
                    .conditionExpression("attribute_exists(#last)")
                    .expressionAttributeNames(Map.of("#silent", SILENT, "#last", LAST))
                    .expressionAttributeValues(Map.of(":silent", AttributeValue.fromBool(silent))));
        } catch (ConditionalCheckFailedException gone) {
            // Forgotten meanwhile (TTL): nothing to mark.
        } catch (SdkException e) {
            throw unavailable("mark", e);
        }
    }

    private static Map<String, AttributeValue> key(Heartbeat.Path path) {
        return Map.of(DynamoDbDeliveryLedger.KEY, s(path.account() + "#" + path.region()));
    }

    private HeartbeatStoreUnavailableException unavailable(String operation, SdkException e) {
        return new HeartbeatStoreUnavailableException(operation + " on table " + tableName + " failed: "
                + AwsErrors.code(e));
    }
}
