package org.credfolio.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * An in-process cache of read-mostly documents (catalog entries, organizations) in front of the
 * store. Entries live at most {@code ttl}, so another instance's change shows within that time;
 * this instance's own changes evict at once. Bounded: the least recently used entries go first.
 */
public final class ReadThroughCache<K, V> {
    private final Cache<K, V> entries;

    public ReadThroughCache(int maxEntries, Duration ttl) {
        // Caffeine: reads take no lock shared with other requests (an access-ordered map did).
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .build();
    }

    /** The values for {@code keys} (missing ones left out), loading what is not cached in one call. */
    public List<V> getAll(Collection<K> keys, Function<Collection<K>, List<V>> load, Function<V, K> keyOf) {
        List<V> found = new ArrayList<>(keys.size());
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
            V value = entries.getIfPresent(key);
            if (value != null) {
                found.add(value);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            List<V> loaded = load.apply(missing);
            loaded.forEach(v -> entries.put(keyOf.apply(v), v));
            found.addAll(loaded);
        }
        return found;
    }

    public void evict(K key) {
        entries.invalidate(key);
    }
}
