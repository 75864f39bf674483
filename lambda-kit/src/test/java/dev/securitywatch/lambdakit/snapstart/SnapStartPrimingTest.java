package dev.securitywatch.lambdakit.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void theCheckpointRunsThePriming() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming() {
            @Override
            protected void prime() {
                runs.incrementAndGet();
            }
        };
        priming.register();
        priming.beforeCheckpoint(null);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingPrimingFailsTheCheckpoint() {
        SnapStartPriming priming = new SnapStartPriming() {
            @Override
            protected void prime() {
                throw new IllegalStateException("missing priming sample");
            }
        };
        assertThatThrownBy(() -> priming.beforeCheckpoint(null)).hasMessage("missing priming sample");
    }
}
