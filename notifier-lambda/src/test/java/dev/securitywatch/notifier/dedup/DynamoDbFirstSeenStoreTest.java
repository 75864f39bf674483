package dev.securitywatch.notifier.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.notifier.service.FirstSeenStore.FirstSeenStoreUnavailableException;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Last-seen items with the real SDK client on DynamoDB Local (once for the class, on 127.0.0.1). */
class DynamoDbFirstSeenStoreTest {
    private static final String TABLE = "security-watch-notifier-dedup";
    private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(90);
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @BeforeAll
    static void createTable() {
        dynamoDb.createTable(TABLE);
    }

    private final DynamoDbFirstSeenStore store = new DynamoDbFirstSeenStore(dynamoDb.client(), TABLE);

    @Test
    void theFirstCallIsNewTheNextIsSeenAndEachOneSlidesTheWindow() {
        String key = "seen#111111111111#Admin/alice#CreateUser";

        assertThat(store.seenBefore(key, NOW, NOW.plus(WINDOW))).isFalse();
        assertThat(store.seenBefore(key, NOW.plusSeconds(60), NOW.plusSeconds(60).plus(WINDOW))).isTrue();
        Instant later = NOW.plus(Duration.ofDays(89));
        assertThat(store.seenBefore(key, later, later.plus(WINDOW))).as("seen 89 days ago, window slid").isTrue();
    }

    @Test
    void anExpiryThatPassedCountsAsNotSeenBeforeDynamoDbDeletesTheItem() {
        String key = "seen#111111111111#Admin/bob#DeleteTrail";
        store.seenBefore(key, NOW, NOW.plus(WINDOW));

        Instant afterWindow = NOW.plus(WINDOW).plusSeconds(1);
        assertThat(store.seenBefore(key, afterWindow, afterWindow.plus(WINDOW))).isFalse();
    }

    @Test
    void aMissingTableIsUnavailableNamingTheTableAndTheErrorOnly() {
        DynamoDbFirstSeenStore missing = new DynamoDbFirstSeenStore(dynamoDb.client(), "no-such-table");

        assertThatThrownBy(() -> missing.seenBefore("seen#x", NOW, NOW.plus(WINDOW)))
                .isInstanceOf(FirstSeenStoreUnavailableException.class)
                .hasMessage("recording seen#x in table no-such-table failed: ResourceNotFoundException");
    }
}
