package org.credfolio.shared.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-process cache of read-mostly documents (catalog entries, organizations) in front of the
 * store. Entries live at most {@code ttl}, so another instance's change shows within that time;
 * this instance's own changes evict at once. Bounded: the least recently used entries go first.
 */
public final class ReadThroughCache<K, V> {
    private record Entry<V>(V value, long loadedAt) {}

    private final Map<K, Entry<V>> entries;
    private final long ttlNanos;

    public ReadThroughCache(int maxEntries, Duration ttl) {
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The values for {@code keys} (missing ones left out), loading what is not cached in one call. */
    public List<V> getAll(Collection<K> keys, Function<Collection<K>, List<V>> load, Function<V, K> keyOf) {
        List<V> found = new ArrayList<>(keys.size());
        List<K> missing = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (entries) {
            for (K key : keys) {
                Entry<V> entry = entries.get(key);
                if (entry != null && now - entry.loadedAt() < ttlNanos) {
                    found.add(entry.value());
                } else {
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<V> loaded = load.apply(missing);
            synchronized (entries) {
                loaded.forEach(v -> entries.put(keyOf.apply(v), new Entry<>(v, now)));
            }
            found.addAll(loaded);
        }
        return found;
    }

    public void evict(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }
}
