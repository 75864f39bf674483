package dev.securitywatch.lambdakit.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Jitter must not create its generator during init or priming: a SecureRandom in the SnapStart snapshot would give
 * every restored container the same "random" waits. Each check loads a fresh copy of the classes, so nothing another
 * test drew can hide a generator created too early.
 */
class JitterTest {

    @Test
    void nothingIsCreatedUntilTheFirstDraw() throws Exception {
        try (URLClassLoader fresh = freshCopy()) {
            Class<?> jitter = fresh.loadClass(Jitter.class.getName());
            DoubleSupplier source = (DoubleSupplier) jitter.getMethod("snapStartSafe").invoke(null);
            assertThat(created(jitter)).isFalse();

            double first = source.getAsDouble();

            assertThat(created(jitter)).isTrue();
            assertThat(first).isBetween(0.0, 1.0).isLessThan(1.0);
        }
    }

    @Test
    void buildingPoliciesCreatesNothing() throws Exception {
        try (URLClassLoader fresh = freshCopy()) {
            Class<?> policy = fresh.loadClass(RetryPolicy.class.getName());
            policy.getMethod("fullJitter", int.class, Duration.class, Duration.class)
                    .invoke(null, 3, Duration.ofMillis(100), Duration.ofSeconds(1));
            policy.getMethod("equalJitter", int.class, Duration.class, Duration.class)
                    .invoke(null, 3, Duration.ofMillis(100), Duration.ofSeconds(1));

            assertThat(created(fresh.loadClass(Jitter.class.getName()))).isFalse();
        }
    }

    @Test
    void drawsSpreadOverTheUnitInterval() {
        DoubleSupplier source = Jitter.snapStartSafe();
        double min = 1;
        double max = 0;
        for (int i = 0; i < 200; i++) {
            double draw = source.getAsDouble();
            min = Math.min(min, draw);
            max = Math.max(max, draw);
        }
        assertThat(min).isLessThan(0.2);
        assertThat(max).isGreaterThan(0.8).isLessThan(1.0);
    }

    private static boolean created(Class<?> jitter) throws Exception {
        Method created = jitter.getDeclaredMethod("created");
        created.setAccessible(true);
        return (boolean) created.invoke(null);
    }

    private static URLClassLoader freshCopy() {
        URL classes = Jitter.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }
}
