package dev.securitywatch.notifier.dedup;

import dev.securitywatch.notifier.service.ThreadStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Threads for one process (the CLI): a burst sent from files threads as the Lambda would thread it. */
public final class InMemoryThreadStore implements ThreadStore {
    private record Entry(OpenThread thread, Instant expires) {
    }

    private final Map<String, Entry> threads = new HashMap<>();

    @Override
    public synchronized Optional<OpenThread> find(String key, Instant now) {
        Entry entry = threads.get(key);
        return entry == null || !entry.expires.isAfter(now) ? Optional.empty() : Optional.of(entry.thread);
    }

    @Override
    public synchronized void save(String key, OpenThread thread, Instant expires) {
        threads.put(key, new Entry(thread, expires));
    }
}
