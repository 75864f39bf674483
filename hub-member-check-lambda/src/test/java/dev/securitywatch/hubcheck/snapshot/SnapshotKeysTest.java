package dev.securitywatch.hubcheck.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotKeysTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-20T02:00:00Z, snapshots/2026/11/20/2026-11-20T02:00:00Z.json",
            "2026-11-20T02:00:00.987654Z, snapshots/2026/11/20/2026-11-20T02:00:00Z.json",
            "2026-01-04T23:59:59Z, snapshots/2026/01/04/2026-01-04T23:59:59Z.json"})
    void keysAreDatedByTheUtcDayAndTheSecondTaken(String takenAt, String key) {
        assertThat(SnapshotKeys.keyFor(Instant.parse(takenAt))).isEqualTo(key);
        assertThat(SnapshotKeys.parse(key)).contains(
                new SnapshotRef(key, SnapshotKeys.truncate(Instant.parse(takenAt)), false));
    }

    @Test
    void parsesTheOriginalStacksKeysAsTheStartOfTheirDay() {
        assertThat(SnapshotKeys.parse("memberLog/20261119.json")).contains(
                new SnapshotRef("memberLog/20261119.json", Instant.parse("2026-11-19T00:00:00Z"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "snapshots/",
            "snapshots/2026/11/20/",
            "snapshots/2026/11/20/notes.txt",
            "snapshots/2026/11/20/latest.json",
            "snapshots/2026/11/21/2026-11-20T02:00:00Z.json",
            "snapshots/2026/11/20/sub/2026-11-20T02:00:00Z.json",
            "memberLog/2026-11-19.json",
            "memberLog/20261399.json",
            "other/2026/11/20/2026-11-20T02:00:00Z.json"})
    void ignoresKeysThatAreNotSnapshots(String key) {
        assertThat(SnapshotKeys.parse(key)).isEmpty();
    }

    @Test
    void mondayComparesWithFridayAcrossTheWeekendGap() {
        List<String> keys = List.of(
                "snapshots/2026/11/19/2026-11-19T02:00:00Z.json",
                "snapshots/2026/11/20/2026-11-20T02:00:00Z.json");

        Optional<SnapshotRef> latest = SnapshotKeys.latestBefore(keys, Instant.parse("2026-11-23T02:00:00Z"));

        assertThat(latest).map(SnapshotRef::key).contains("snapshots/2026/11/20/2026-11-20T02:00:00Z.json");
    }

    @Test
    void comparesWithTheLatestEarlierSnapshotNotTheLatestKeyInTheListing() {
        List<String> keys = List.of(
                "snapshots/2025/12/31/2025-12-31T02:00:00Z.json",
                "snapshots/2026/01/05/2026-01-05T02:00:00Z.json",
                "snapshots/2026/01/05/2026-01-05T02:00:07Z.json",
                "snapshots/2026/01/02/2026-01-02T02:00:00Z.json");

        assertThat(SnapshotKeys.latestBefore(keys, Instant.parse("2026-01-05T02:00:00Z")))
                .map(SnapshotRef::key).contains("snapshots/2026/01/02/2026-01-02T02:00:00Z.json");
    }

    @Test
    void thereIsNothingEarlierOnTheFirstRun() {
        assertThat(SnapshotKeys.latestBefore(List.of(), Instant.parse("2026-11-20T02:00:00Z"))).isEmpty();
        assertThat(SnapshotKeys.latestBefore(List.of("snapshots/2026/11/20/2026-11-20T02:00:00Z.json"),
                Instant.parse("2026-11-20T02:00:00Z"))).isEmpty();
    }
}
