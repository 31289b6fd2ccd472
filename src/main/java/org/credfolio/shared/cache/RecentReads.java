package org.credfolio.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Documents as read for display, remembered for a short time to live (a second), so that a page
 * and the requests around it, or a link many people open at once, read each once. For data this
 * instance also writes: call {@link #forget} after every write. A read that overlapped any forget
 * is not kept (the count of forgets moved while it ran), so this instance never shows data older
 * than its own last write; a write made by another instance shows within the time to live. A zero
 * or negative time to live turns it off: every read goes to the store.
 *
 * <p>Only what decides nothing may come from here: checks that decide a write read the store.
 * Values are shared by every request that reads them, so they must not change.
 */
public final class RecentReads<K, V> {
    private final boolean enabled;
    private final Cache<K, V> recent;
    /** Counts forgets, so that a read that overlapped one can tell and not be kept. */
    private final AtomicLong forgets = new AtomicLong();

    public RecentReads(Duration ttl, int maxEntries) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.recent = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .build();
    }

    /** The value for {@code key}, remembered or read by {@code read}; null (never kept) when there is none. */
    public V get(K key, Supplier<V> read) {
        V remembered = enabled ? recent.getIfPresent(key) : null;
        if (remembered != null) {
            return remembered;
        }
        long forgetsBefore = forgets.get();
        V value = read.get();
        if (enabled && value != null) {
            keep(Map.of(key, value), forgetsBefore);
        }
        return value;
    }

    /**
     * The values for {@code keys}: those remembered, and the rest from one call of {@code read},
     * which returns what it found by key. Keys with no value are left out (and not kept).
     */
    public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> read) {
        Map<K, V> found = new HashMap<>(enabled ? recent.getAllPresent(keys) : Map.of());
        Set<K> missing = keys.stream().filter(key -> !found.containsKey(key)).collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return found;
        }
        long forgetsBefore = forgets.get();
        Map<K, V> loaded = read.apply(missing);
        if (enabled) {
            keep(loaded, forgetsBefore);
        }
        found.putAll(loaded);
        return found;
    }

    private void keep(Map<K, V> read, long forgetsBefore) {
        recent.putAll(read);
        // A forget that ran between the read and the put above would be outlived by what was
        // read: forget counts before it invalidates, so such a write is seen here.
        if (forgets.get() != forgetsBefore) {
            recent.invalidateAll(read.keySet());
        }
    }

    /** Called after every write to what {@code key} names. */
    public void forget(K key) {
        forgets.incrementAndGet();
        recent.invalidate(key);
    }

    /** Called after writes to many keys at once. */
    public void forgetAll() {
        forgets.incrementAndGet();
        recent.invalidateAll();
    }
}
