package dev.securitywatch.notifier.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.PathState;
import dev.securitywatch.notifier.service.HeartbeatStore.HeartbeatStoreUnavailableException;
import dev.securitywatch.notifier.support.LocalDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The heartbeat table with the real SDK client on DynamoDB Local (once for the class, on 127.0.0.1). */
class DynamoDbHeartbeatStoreTest {
    private static final Instant T = Instant.parse("2026-12-04T04:45:00Z");
    private static final Heartbeat.Path TOKYO = new Heartbeat.Path("111111111111", "ap-northeast-1");
    private static final Heartbeat.Path GLOBAL = new Heartbeat.Path("111111111111", Heartbeat.GLOBAL);
    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();
    private DynamoDbHeartbeatStore store;

    private static Heartbeat stack(Heartbeat.Path path, Instant at) {
        return new Heartbeat(path, MemberNames.STACKS, at);
    }

    private static Heartbeat stackSet(Heartbeat.Path path, Instant at) {
        return new Heartbeat(path, MemberNames.STACKSET, at);
    }

    private static PathState state(Heartbeat.Path path, Instant last, boolean reportedSilent) {
        return new PathState(path, last, Optional.empty(), reportedSilent);
    }

    @BeforeEach
    void table() {
        String table = "heartbeats-" + TABLES.incrementAndGet();
        dynamoDb.createTable(table);
        store = new DynamoDbHeartbeatStore(dynamoDb.client(), table);
    }

    @Test
    void aPathRegistersWithItsFirstHeartbeatAndKeepsTheNewest() {
        store.record(List.of(stack(TOKYO, T), stack(GLOBAL, T.minusSeconds(60))));
        store.record(List.of(stack(TOKYO, T.plusSeconds(900))));

        assertThat(store.all()).containsExactlyInAnyOrder(state(TOKYO, T.plusSeconds(900), false),
                state(GLOBAL, T.minusSeconds(60), false));
    }

    @Test
    void duplicateAndOutOfOrderHeartbeatsNeverMoveTimeBack() {
        store.record(List.of(stack(TOKYO, T.plusSeconds(900))));
        store.record(List.of(stack(TOKYO, T)));
        store.record(List.of(stack(TOKYO, T.plusSeconds(900))));

        assertThat(store.all()).containsExactly(state(TOKYO, T.plusSeconds(900), false));
    }

    @Test
    void aReportStaysWithThePathUntilItRecovers() {
        store.record(List.of(stack(TOKYO, T)));
        store.markSilent(TOKYO);
        assertThat(store.all()).containsExactly(state(TOKYO, T, true));

        store.record(List.of(stack(TOKYO, T.plusSeconds(3_600))));
        assertThat(store.all()).as("a heartbeat alone does not clear the report: the check says it recovered")
                .containsExactly(state(TOKYO, T.plusSeconds(3_600), true));
        store.markRecovered(TOKYO);
        assertThat(store.all()).containsExactly(state(TOKYO, T.plusSeconds(3_600), false));
        store.markSilent(new Heartbeat.Path("999999999999", "eu-west-1"));
        assertThat(store.all()).as("marking an unknown path creates nothing").hasSize(1);
    }

    @Test
    void aStackSetHeartbeatAlsoProvesTheStackSetInOneWrite() {
        store.record(List.of(stackSet(TOKYO, T)));
        store.record(List.of(stackSet(TOKYO, T.minusSeconds(60))));

        assertThat(store.all()).containsExactly(new PathState(TOKYO, T, Optional.of(T), false));
    }

    @Test
    void whileBothKindsBeatTheStackSetsTimeIsKeptEvenWhenTheStackIsNewer() {
        store.record(List.of(stack(TOKYO, T.plusSeconds(600))));
        store.record(List.of(stackSet(TOKYO, T)));
        assertThat(store.all()).as("out of order: the path's time stays, the StackSet's is recorded")
                .containsExactly(new PathState(TOKYO, T.plusSeconds(600), Optional.of(T), false));

        store.record(List.of(stackSet(TOKYO, T.minusSeconds(900)), stack(TOKYO, T.plusSeconds(1_200))));
        assertThat(store.all()).as("an older StackSet heartbeat moves nothing back")
                .containsExactly(new PathState(TOKYO, T.plusSeconds(1_200), Optional.of(T), false));

        store.record(List.of(stackSet(TOKYO, T.plusSeconds(1_500))));
        assertThat(store.all()).containsExactly(new PathState(TOKYO, T.plusSeconds(1_500),
                Optional.of(T.plusSeconds(1_500)), false));
    }

    @Test
    void aMissingTableIsUnavailableNamingTheTable() {
        DynamoDbHeartbeatStore missing = new DynamoDbHeartbeatStore(dynamoDb.client(), "no-such-table");

        assertThatThrownBy(() -> missing.record(List.of(stack(TOKYO, T)))).isInstanceOf(
                HeartbeatStoreUnavailableException.class)
                .hasMessage("record on table no-such-table failed: ResourceNotFoundException");
        assertThatThrownBy(missing::all).isInstanceOf(HeartbeatStoreUnavailableException.class)
                .hasMessageContaining("scan on table no-such-table");
    }
}
