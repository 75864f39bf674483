package dev.securitywatch.notifier.dedup;

import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.PathState;
import dev.securitywatch.notifier.service.HeartbeatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Heartbeats for one process (the CLI): files that hold heartbeats are recorded, never posted. */
public final class InMemoryHeartbeatStore implements HeartbeatStore {
    private final Map<Heartbeat.Path, PathState> paths = new LinkedHashMap<>();

    @Override
    public synchronized void record(Collection<Heartbeat> newest) {
        for (Heartbeat heartbeat : newest) {
            Optional<Instant> fromStackSet = heartbeat.deployment() == MemberNames.STACKSET
                    ? Optional.of(heartbeat.at()) : Optional.empty();
            paths.merge(heartbeat.path(), new PathState(heartbeat.path(), heartbeat.at(), fromStackSet, false),
                    (old, fresh) -> new PathState(old.path(), later(old.lastHeartbeat(), heartbeat.at()),
                            fromStackSet.map(at -> old.lastStackSetHeartbeat().map(seen -> later(seen, at))
                                    .orElse(at)).or(old::lastStackSetHeartbeat), old.reportedSilent()));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public synchronized List<PathState> all() {
        return new ArrayList<>(paths.values());
    }

    @Override
    public synchronized void markSilent(Heartbeat.Path path) {
        paths.computeIfPresent(path, (p, state) -> state.reported(true));
    }

    @Override
    public synchronized void markRecovered(Heartbeat.Path path) {
        paths.computeIfPresent(path, (p, state) -> state.reported(false));
    }
}
