package dev.securitywatch.hubcheck.report;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the current snapshot was compared with. */
public sealed interface Baseline {

    /** A short, log-friendly description. */
    String describe();

    /**
     * A readable earlier snapshot; a legacy file given on the command line has no known time.
     *
     * @param olderRegions regions missing from that snapshot (not readable that day) and compared with an older
     *                     snapshot instead, with its time
     */
    record Compared(String key, Optional<Instant> takenAt, boolean legacy, Map<String, Instant> olderRegions)
            implements Baseline {

        public Compared {
            olderRegions = Map.copyOf(olderRegions);
        }

        @Override
        public String describe() {
            return "compared with " + key;
        }
    }

    /** No earlier snapshot exists: the first run. The report lists the full current state. */
    record FirstRun() implements Baseline {
        @Override
        public String describe() {
            return "first run";
        }
    }

    /** The latest earlier snapshot exists but cannot be used; the run is reported as a baseline and says why. */
    record Unreadable(String key, String reason) implements Baseline {
        @Override
        public String describe() {
            return "previous snapshot unreadable: " + key;
        }
    }
}
