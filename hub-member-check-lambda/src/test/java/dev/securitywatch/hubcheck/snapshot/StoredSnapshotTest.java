package dev.securitywatch.hubcheck.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.testing.Snapshots;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredSnapshotTest {
    private static final StoredSnapshot.Legacy LEGACY = new StoredSnapshot.Legacy(
            Map.of(new MemberStatus("Enabled"), List.of("111111111111")), Optional.empty());

    @Test
    void legacyBelongsToTheOnlyRegionOfTheSnapshotItIsComparedWith() {
        MembershipSnapshot current = Snapshots.at("2026-11-20T02:00:00Z").region("ap-northeast-1").build();

        MembershipSnapshot resolved = LEGACY.resolveAgainst(current, () -> "us-east-1");

        assertThat(resolved.regions()).containsOnlyKeys("ap-northeast-1");
    }

    @Test
    void legacyBelongsToTheCentralRegionWhenTheOtherSnapshotHasSeveral() {
        MembershipSnapshot current = Snapshots.at("2026-11-20T02:00:00Z")
                .region("ap-northeast-1").region("eu-west-1").build();

        MembershipSnapshot resolved = LEGACY.resolveAgainst(current, () -> "us-east-1");

        assertThat(resolved.regions()).containsOnlyKeys("us-east-1");
    }

    @Test
    void twoLegacyFilesBothBelongToTheCentralRegion() {
        StoredSnapshot.Pair pair = StoredSnapshot.resolvePair(LEGACY, LEGACY, () -> "eu-west-1");

        assertThat(pair.previous().regions()).containsOnlyKeys("eu-west-1");
        assertThat(pair.current().regions()).containsOnlyKeys("eu-west-1");
    }

    @Test
    void aLegacyCurrentFileTakesTheRegionOfASingleRegionPrevious() {
        StoredSnapshot previous = new StoredSnapshot.Current(
                Snapshots.at("2026-11-19T02:00:00Z").region("ap-northeast-1").build());

        StoredSnapshot.Pair pair = StoredSnapshot.resolvePair(previous, LEGACY, () -> {
            throw new AssertionError("the central region is not needed");
        });

        assertThat(pair.current().regions()).containsOnlyKeys("ap-northeast-1");
    }

    @Test
    void asksForTheCentralRegionOnlyWhenALegacyFileNeedsIt() {
        StoredSnapshot modern = new StoredSnapshot.Current(
                Snapshots.at("2026-11-19T02:00:00Z").region("us-east-1").region("eu-west-1").build());

        assertThat(StoredSnapshot.resolvePair(modern, modern, () -> {
            throw new AssertionError("not needed");
        }).current().regions()).hasSize(2);
        assertThatThrownBy(() -> StoredSnapshot.resolvePair(LEGACY, modern, () -> {
            throw new IllegalStateException("central region needed");
        })).hasMessage("central region needed");
    }
}
