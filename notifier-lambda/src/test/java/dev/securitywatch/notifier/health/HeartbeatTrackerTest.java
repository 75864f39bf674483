package dev.securitywatch.notifier.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Silence and recovery per path, with a 15-minute canary: silent after 30 minutes without a heartbeat. */
class HeartbeatTrackerTest {
    private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");
    private static final Heartbeat.Path TOKYO = new Heartbeat.Path("111111111111", "ap-northeast-1");
    private static final Heartbeat.Path VIRGINIA = new Heartbeat.Path("111111111111", "us-east-1");
    private static final Heartbeat.Path GLOBAL = new Heartbeat.Path("222222222222", Heartbeat.GLOBAL);
    private final HeartbeatTracker tracker = new HeartbeatTracker(Duration.ofMinutes(15));

    private static PathState seen(Heartbeat.Path path, int minutesAgo, boolean reportedSilent) {
        return new PathState(path, NOW.minus(Duration.ofMinutes(minutesAgo)), Optional.empty(), reportedSilent);
    }

    @Test
    void oneLateHeartbeatIsNotAnOutageTwoMissedAre() {
        HeartbeatTracker.Changes changes = tracker.check(List.of(seen(TOKYO, 29, false), seen(VIRGINIA, 30, false),
                seen(GLOBAL, 31, false)), NOW);

        assertThat(changes.newlySilent()).extracting(PathState::path).containsExactly(GLOBAL);
        assertThat(changes.recovered()).isEmpty();
    }

    @Test
    void aSilentPathIsReportedOnceAndTheLongestSilentComesFirst() {
        HeartbeatTracker.Changes changes = tracker.check(List.of(seen(TOKYO, 45, false), seen(VIRGINIA, 300, false),
                seen(GLOBAL, 60, true)), NOW);

        assertThat(changes.newlySilent()).extracting(PathState::path).containsExactly(VIRGINIA, TOKYO);
    }

    @Test
    void aReportedPathWithAFreshHeartbeatHasRecovered() {
        HeartbeatTracker.Changes changes = tracker.check(List.of(seen(TOKYO, 2, true), seen(VIRGINIA, 2, false)), NOW);

        assertThat(changes.recovered()).extracting(PathState::path).containsExactly(TOKYO);
        assertThat(changes.newlySilent()).isEmpty();
    }

    @Test
    void nothingChangedIsNothingToReport() {
        assertThat(tracker.check(List.of(seen(TOKYO, 5, false), seen(VIRGINIA, 90, true)), NOW).isEmpty()).isTrue();
        assertThat(tracker.check(List.of(), NOW).isEmpty()).isTrue();
    }

    @Test
    void theThresholdIsTwoIntervalsButNeverLessThanOneIntervalAndCloudTrailsLateDelivery() {
        assertThat(new HeartbeatTracker(Duration.ofMinutes(15)).silentAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(new HeartbeatTracker(Duration.ofMinutes(60)).silentAfter()).isEqualTo(Duration.ofMinutes(120));
        assertThat(new HeartbeatTracker(Duration.ofMinutes(5)).silentAfter()).isEqualTo(Duration.ofMinutes(20));
    }
}
