package dev.securitywatch.hubcheck.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.testing.Snapshots;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipDiffTest {
    private static final String REGION = "us-east-1";

    static Stream<Arguments> oneRegion() {
        return Stream.of(
                Arguments.of("nothing changed", members("111111111111=Enabled"), members("111111111111=Enabled"),
                        List.of()),
                Arguments.of("case drift is no change", members("111111111111=ENABLED", "222222222222=RESIGNED"),
                        members("111111111111=Enabled", "222222222222=Resigned"), List.of()),
                Arguments.of("ASSOCIATED became Enabled", members("111111111111=ASSOCIATED"),
                        members("111111111111=Enabled"), List.of()),
                Arguments.of("invited account became a member", members("111111111111=Invited"),
                        members("111111111111=Enabled"), List.of("111111111111 Invited -> Enabled")),
                Arguments.of("member quietly left", members("111111111111=Enabled"),
                        members("111111111111=Resigned"), List.of("111111111111 Enabled -> Resigned")),
                Arguments.of("case drift with a real change shows the API's spellings",
                        members("111111111111=INVITED"), members("111111111111=Enabled"),
                        List.of("111111111111 INVITED -> Enabled")),
                Arguments.of("new member", members(), members("111111111111=Created"),
                        List.of("111111111111 null -> Created")),
                Arguments.of("member disappeared entirely", members("111111111111=Enabled"), members(),
                        List.of("111111111111 Enabled -> null")),
                Arguments.of("several at once, sorted by account",
                        members("333333333333=Enabled", "111111111111=Invited", "222222222222=Enabled"),
                        members("444444444444=Invited", "111111111111=Enabled", "222222222222=ENABLED"),
                        List.of("111111111111 Invited -> Enabled", "333333333333 Enabled -> null",
                                "444444444444 null -> Invited")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRegion")
    void comparesARegion(String why, String[] before, String[] after, List<String> expected) {
        MembershipSnapshot previous = Snapshots.at("2026-11-20T02:00:00Z").region(REGION, before).build();
        MembershipSnapshot current = Snapshots.at("2026-11-23T02:00:00Z").region(REGION, after).build();

        MembershipDiff diff = MembershipDiff.between(previous, current);

        assertThat(diff.changes()).extracting(MembershipDiffTest::describe).containsExactlyElementsOf(expected);
        assertThat(diff.newRegions()).isEmpty();
        assertThat(diff.droppedRegions()).isEmpty();
    }

    @Test
    void classifiesChangesByKind() {
        MembershipDiff diff = MembershipDiff.between(
                Snapshots.at("2026-11-20T02:00:00Z").region(REGION, "111111111111=Invited", "222222222222=Enabled")
                        .build(),
                Snapshots.at("2026-11-23T02:00:00Z").region(REGION, "111111111111=Enabled", "333333333333=Invited")
                        .build());

        assertThat(diff.ofKind(MemberChange.Kind.TRANSITION)).extracting(MemberChange::accountId)
                .containsExactly("111111111111");
        assertThat(diff.ofKind(MemberChange.Kind.NEW_MEMBER)).extracting(MemberChange::accountId)
                .containsExactly("333333333333");
        assertThat(diff.ofKind(MemberChange.Kind.DISAPPEARED)).extracting(MemberChange::accountId)
                .containsExactly("222222222222");
    }

    @Test
    void comparesEachRegionOnItsOwn() {
        MembershipDiff diff = MembershipDiff.between(
                Snapshots.at("2026-11-20T02:00:00Z")
                        .region("us-east-1", "111111111111=Enabled")
                        .region("ap-northeast-1", "111111111111=Invited")
                        .build(),
                Snapshots.at("2026-11-23T02:00:00Z")
                        .region("us-east-1", "111111111111=Enabled")
                        .region("ap-northeast-1", "111111111111=Enabled")
                        .build());

        assertThat(diff.changes()).containsExactly(new MemberChange("ap-northeast-1", "111111111111",
                new MemberStatus("Invited"), new MemberStatus("Enabled")));
    }

    @Test
    void aRegionOnlyInTheCurrentSnapshotIsABaselineNotAFloodOfNewMembers() {
        MembershipDiff diff = MembershipDiff.between(
                Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1", "111111111111=Enabled")
                        .region("eu-west-1", "111111111111=Enabled").build(),
                Snapshots.at("2026-11-23T02:00:00Z").region("us-east-1", "111111111111=Enabled")
                        .region("ap-northeast-1", "111111111111=Enabled", "222222222222=Enabled").build());

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.newRegions()).containsExactly("ap-northeast-1");
        assertThat(diff.droppedRegions()).containsExactly("eu-west-1");
    }

    @Test
    void aBaselineHasNoChanges() {
        assertThat(MembershipDiff.none()).isEqualTo(new MembershipDiff(List.of(), List.of(), List.of()));
    }

    private static String[] members(String... specs) {
        return Arrays.copyOf(specs, specs.length);
    }

    private static String describe(MemberChange change) {
        return change.accountId() + " " + change.from() + " -> " + change.to();
    }
}
