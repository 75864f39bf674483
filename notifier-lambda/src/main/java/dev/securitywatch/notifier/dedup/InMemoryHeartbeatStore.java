package dev.securitywatch.notifier.dedup;

import dev.securitywatch.notifier.health.Heartbeat;
import dev.securitywatch.notifier.health.PathState;
import dev.securitywatch.notifier.service.HeartbeatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Heartbeats for one process (the CLI): files that hold heartbeats are recorded, never posted. */
public final class InMemoryHeartbeatStore implements HeartbeatStore {
    private final Map<Heartbeat.Path, PathState> paths = new LinkedHashMap<>();

    @Override
    public synchronized void record(Map<Heartbeat.Path, Instant> newest) {
        newest.forEach((path, at) -> paths.merge(path, new PathState(path, at, false),
                (old, fresh) -> old.lastHeartbeat().isBefore(at) ? new PathState(path, at, old.reportedSilent())
                        : old));
    }

    @Override
    public synchronized List<PathState> all() {
        return new ArrayList<>(paths.values());
    }

    @Override
    public synchronized void markSilent(Heartbeat.Path path) {
        paths.computeIfPresent(path, (p, state) -> new PathState(p, state.lastHeartbeat(), true));
    }

    @Override
    public synchronized void markRecovered(Heartbeat.Path path) {
        paths.computeIfPresent(path, (p, state) -> new PathState(p, state.lastHeartbeat(), false));
    }
}
