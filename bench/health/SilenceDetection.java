import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.HeartbeatTracker;
import dev.securitywatch.notifier.health.PathState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * Simulation of the heartbeat tracker (run by run.sh, not a test): how long after a member path breaks the health
 * alert comes, and how often a healthy path is reported silent, with the real HeartbeatTracker.
 *
 * <p>Model: the canary writes every interval I (Scheduler, no flexible window); CloudTrail delivers each write to
 * EventBridge after a delay D (uniform 0.5–5 min; with a tail: 1% of writes up to 15 min); the check runs every I at a
 * random phase to the canary. A path breaks at a uniformly random moment; from then on nothing arrives. The alert is
 * the first check that finds the path silent (last arrived heartbeat older than 2 I by its event time).
 */
public final class SilenceDetection {
    private static final Heartbeat.Path PATH = new Heartbeat.Path("111111111111", "ap-northeast-1");

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (int minutes : new int[] {15, 10, 5}) {
            run(Duration.ofMinutes(minutes), trials, new Random(42));
        }
    }

    private static void run(Duration interval, int trials, Random random) {
        HeartbeatTracker tracker = new HeartbeatTracker(interval);
        long intervalSeconds = interval.toSeconds();
        long[] delays = new long[trials];
        int falseAlarms = 0;
        Instant epoch = Instant.parse("2026-12-04T00:00:00Z");
        for (int trial = 0; trial < trials; trial++) {
            long phase = (long) (random.nextDouble() * intervalSeconds);
            long breakAt = 10 * intervalSeconds + (long) (random.nextDouble() * 10 * intervalSeconds);
            // Heartbeats written every interval from 0; each arrives after its CloudTrail delay, if written before the
            // break. Checks run at phase + k * interval.
            long[] arrival = new long[40];
            for (int k = 0; k < arrival.length; k++) {
                arrival[k] = k * intervalSeconds + delay(random);
            }
            for (long check = phase; check < 40 * intervalSeconds; check += intervalSeconds) {
                long lastWritten = -1;
                for (int k = 0; k < arrival.length; k++) {
                    long written = k * intervalSeconds;
                    if (written < breakAt && arrival[k] <= check) {
                        lastWritten = Math.max(lastWritten, written);
                    }
                }
                if (lastWritten < 0) {
                    continue;
                }
                PathState state = new PathState(PATH, epoch.plusSeconds(lastWritten), false);
                if (tracker.isSilent(state, epoch.plusSeconds(check))) {
                    if (check < breakAt) {
                        falseAlarms++;
                    }
                    delays[trial] = check - breakAt;
                    break;
                }
            }
        }
        long[] positive = Arrays.stream(delays).filter(d -> d >= 0).sorted().toArray();
        System.out.printf("| %d min | %s | %s | %s | %s | %d of %d |%n", interval.toMinutes(),
                minutes(positive[0]), minutes(positive[positive.length / 2]),
                minutes(positive[(int) (positive.length * 0.95)]), minutes(positive[positive.length - 1]),
                falseAlarms, trials);
    }

    /** CloudTrail's delivery delay to EventBridge: usually minutes, rarely a quarter hour. */
    private static long delay(Random random) {
        if (random.nextDouble() < 0.01) {
            return 300 + (long) (random.nextDouble() * 600);
        }
        return 30 + (long) (random.nextDouble() * 270);
    }

    private static String minutes(long seconds) {
        return String.format("%.1f min", seconds / 60.0);
    }
}
