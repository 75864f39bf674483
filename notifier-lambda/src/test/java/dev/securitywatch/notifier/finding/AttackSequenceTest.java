package dev.securitywatch.notifier.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AttackSequenceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void epochSecondsAndMillisecondsAreReadAndTheTimelineIsCappedSayingHowManyMore() {
        ObjectNode sequence = MAPPER.createObjectNode();
        ArrayNode signals = sequence.putArray("signals");
        for (int i = 0; i < 20; i++) {
            signals.addObject().put("uid", "s-" + i).put("type", "CLOUD_TRAIL").put("name", "Call" + i)
                    .put("firstSeenAt", i % 2 == 0 ? 1_764_806_400L + 60L * i : (1_764_806_400L + 60L * i) * 1000);
        }

        var lines = AttackSequence.timeline(sequence);

        assertThat(lines).hasSize(AttackSequence.MAX_LINES + 1);
        assertThat(lines.get(0)).isEqualTo("2025-12-04 00:00:00 UTC · CLOUD_TRAIL · Call0");
        assertThat(lines.get(1)).isEqualTo("2025-12-04 00:01:00 UTC · CLOUD_TRAIL · Call1");
        assertThat(lines.get(AttackSequence.MAX_LINES)).isEqualTo("… and 5 more signals in GuardDuty");
    }

    @Test
    void noSignalsIsNoTimeline() {
        assertThat(AttackSequence.timeline(MAPPER.createObjectNode())).isEmpty();
        assertThat(AttackSequence.timeline(MAPPER.createObjectNode().putArray("signals"))).isEmpty();
    }
}
