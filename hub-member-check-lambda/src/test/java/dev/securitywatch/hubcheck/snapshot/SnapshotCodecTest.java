package dev.securitywatch.hubcheck.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.hubcheck.membership.MembershipSnapshot;
import dev.securitywatch.hubcheck.testing.Snapshots;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotCodecTest {
    private final SnapshotCodec codec = new SnapshotCodec(new ObjectMapper());

    @Test
    void writesTheDocumentedFormatSortedAndStable() {
        MembershipSnapshot snapshot = Snapshots.at("2026-11-20T02:00:00Z")
                .region("us-east-1", "222222222222=Invited", "111111111111=Enabled")
                .region("ap-northeast-1", "111111111111=ENABLED")
                .org("111111111111=prod=ACTIVE", "333333333333==SUSPENDED")
                .build();

        assertThat(codec.write(snapshot)).isEqualTo("{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{"
                + "\"ap-northeast-1\":[{\"accountId\":\"111111111111\",\"memberStatus\":\"ENABLED\"}],"
                + "\"us-east-1\":[{\"accountId\":\"111111111111\",\"memberStatus\":\"Enabled\"},"
                + "{\"accountId\":\"222222222222\",\"memberStatus\":\"Invited\"}]},"
                + "\"organization\":[{\"accountId\":\"111111111111\",\"name\":\"prod\",\"state\":\"ACTIVE\"},"
                + "{\"accountId\":\"333333333333\",\"state\":\"SUSPENDED\"}]}");
    }

    @Test
    void readsWhatItWrites() {
        MembershipSnapshot snapshot = Snapshots.at("2026-11-20T02:00:00Z")
                .region("us-east-1", "111111111111=Enabled", "222222222222=Resigned")
                .org("111111111111=prod=ACTIVE")
                .build();

        StoredSnapshot read = codec.read(codec.write(snapshot), Optional.empty());

        assertThat(read).isEqualTo(new StoredSnapshot.Current(snapshot));
    }

    @Test
    void leavesOrganizationOutWhenItWasNotRead() {
        MembershipSnapshot snapshot = Snapshots.at("2026-11-20T02:00:00Z").region("us-east-1").build();

        String json = codec.write(snapshot);

        assertThat(json).doesNotContain("organization");
        assertThat(((StoredSnapshot.Current) codec.read(json, Optional.empty())).snapshot().organization())
                .isEmpty();
    }

    @Test
    void readsTheOriginalStacksSingleRegionLayout() {
        String legacy = "{\"Enabled\":[\"111111111111\",\"222222222222\"],\"Invited\":[\"333333333333\"],"
                + "\"Resigned\":[]}";
        Instant day = Instant.parse("2026-11-19T00:00:00Z");

        StoredSnapshot read = codec.read(legacy, Optional.of(day));

        assertThat(read).isInstanceOf(StoredSnapshot.Legacy.class);
        MembershipSnapshot inRegion = ((StoredSnapshot.Legacy) read).inRegion("ap-northeast-1");
        assertThat(inRegion.takenAt()).contains(day);
        assertThat(inRegion.members("ap-northeast-1")).containsExactly(
                Snapshots.member("111111111111=Enabled"), Snapshots.member("222222222222=Enabled"),
                Snapshots.member("333333333333=Invited"));
    }

    @Test
    void readsAnEmptyLegacyFileAsNoMembers() {
        StoredSnapshot read = codec.read("{}", Optional.empty());

        assertThat(((StoredSnapshot.Legacy) read).inRegion("us-east-1").members("us-east-1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON | {\"takenAt\": | not valid JSON (line 1",
            "an array | [] | expected a JSON object, found array",
            "a string | \"x\" | expected a JSON object, found string",
            "unknown shape | {\"members\":{\"a\":1}} | unknown snapshot shape",
            "region name not a region | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"<!here>\":[]}} | 'regions' has a key that is not an AWS region name",
            "regions not an object | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":[]} | 'regions' must be an object",
            "no takenAt | {\"regions\":{}} | 'takenAt' must be an ISO-8601 instant",
            "bad takenAt | {\"takenAt\":\"yesterday\",\"regions\":{}} | 'takenAt' is not an ISO-8601 instant",
            "members not an array | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":{}}} | 'regions.us-east-1' must be an array",
            "member not an object | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":[1]}} | 'regions.us-east-1[0]' must be an object",
            "bad account id | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":[{\"accountId\":\"12\",\"memberStatus\":\"Enabled\"}]}} | 'regions.us-east-1[0].accountId' is not a 12-digit account id",
            "no status | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":[{\"accountId\":\"111111111111\"}]}} | 'regions.us-east-1[0].memberStatus' must be a non-empty string",
            "organization not an array | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{},\"organization\":{}} | 'organization' must be an array",
            "org account without state | {\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{},\"organization\":[{\"accountId\":\"111111111111\"}]} | 'organization[0].state' must be a non-empty string",
            "legacy with a bad id | {\"Enabled\":[\"abc\"]} | legacy snapshot status 'Enabled' lists a value that is not a 12-digit account id",
            "legacy with numbers | {\"Enabled\":[111111111111]} | unknown snapshot shape"})
    void rejectsCorruptSnapshotsWithOneLineMessages(String why, String json, String message) {
        assertThatThrownBy(() -> codec.read(json, Optional.empty()))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void keepsTheFirstRowOfAnAccountListedTwice() {
        String json = "{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{\"us-east-1\":["
                + "{\"accountId\":\"111111111111\",\"memberStatus\":\"Enabled\"},"
                + "{\"accountId\":\"111111111111\",\"memberStatus\":\"Resigned\"}]}}";

        MembershipSnapshot read = ((StoredSnapshot.Current) codec.read(json, Optional.empty())).snapshot();

        assertThat(read.members("us-east-1")).containsExactly(Snapshots.member("111111111111=Enabled"));
    }
}
