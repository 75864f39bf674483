package dev.securitywatch.notifier.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.chat.delivery.SlackMessageRef;
import dev.securitywatch.notifier.service.ThreadStore.OpenThread;
import dev.securitywatch.notifier.service.ThreadStore.ThreadStoreUnavailableException;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Open threads with the real SDK client on DynamoDB Local (once for the class, on 127.0.0.1), and its failure. */
class DynamoDbThreadStoreTest {
    private static final String TABLE = "security-watch-notifier-dedup";
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private static final OpenThread THREAD = new OpenThread(new SlackMessageRef("C0ALERTS", "1700000000.000100"),
            "{\"text\":\"Security group changed\"}", 2, NOW.minusSeconds(600));
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @BeforeAll
    static void createTable() {
        dynamoDb.createTable(TABLE);
    }

    private final DynamoDbThreadStore store = new DynamoDbThreadStore(dynamoDb.client(), TABLE);

    @Test
    void aSavedThreadIsFoundWhole() {
        store.save("thread#slack##111#us-east-1#security-group:sg-1", THREAD, NOW.plusSeconds(3_600));

        assertThat(store.find("thread#slack##111#us-east-1#security-group:sg-1", NOW)).contains(THREAD);
        assertThat(store.find("thread#slack##111#us-east-1#security-group:sg-2", NOW)).isEmpty();
        Map<String, AttributeValue> item = dynamoDb.item(TABLE, "thread#slack##111#us-east-1#security-group:sg-1");
        assertThat(item.get(DynamoDbDeliveryLedger.TTL_ATTRIBUTE).n())
                .isEqualTo(Long.toString(NOW.plusSeconds(3_600).getEpochSecond()));
    }

    @Test
    void anExpiredThreadIsNotFoundBeforeDynamoDbDeletesIt() {
        store.save("group#slack##111#arn:aws:iam::111:role/terraform#network", THREAD, NOW.plusSeconds(60));

        assertThat(store.find("group#slack##111#arn:aws:iam::111:role/terraform#network", NOW.plusSeconds(59)))
                .isPresent();
        assertThat(store.find("group#slack##111#arn:aws:iam::111:role/terraform#network", NOW.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void aLaterSaveReplacesTheThread() {
        store.save("thread#slack##111#us-east-1#role:admin", THREAD, NOW.plusSeconds(60));
        store.save("thread#slack##111#us-east-1#role:admin", THREAD.withMoreReplies(3), NOW.plusSeconds(120));

        assertThat(store.find("thread#slack##111#us-east-1#role:admin", NOW)).get()
                .extracting(OpenThread::replies).isEqualTo(5);
    }

    @Test
    void anItemOfAnotherShapeStartsANewThreadInsteadOfFailing() {
        dynamoDb.client().putItem(r -> r.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("thread#odd"),
                DynamoDbDeliveryLedger.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(
                        NOW.plusSeconds(60).getEpochSecond())))));

        assertThat(store.find("thread#odd", NOW)).isEmpty();
    }

    @Test
    void aMissingTableIsUnavailableNamingTheTableAndTheErrorOnly() {
        DynamoDbThreadStore missing = new DynamoDbThreadStore(dynamoDb.client(), "no-such-table");

        assertThatThrownBy(() -> missing.find("thread#x", NOW)).isInstanceOf(ThreadStoreUnavailableException.class)
                .hasMessage("reading thread thread#x from table no-such-table failed: ResourceNotFoundException");
        assertThatThrownBy(() -> missing.save("thread#x", THREAD, NOW)).isInstanceOf(
                ThreadStoreUnavailableException.class).hasMessageContaining("saving thread thread#x");
    }
}
