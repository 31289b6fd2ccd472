package org.credfolio.trust.status;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.credfolio.shared.security.StrongRandom;
import org.credfolio.trust.TrustProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Bitstring Status Lists (W3C Bitstring Status List v1.0): every credential gets a random unused
 * index in its issuer's current revocation list and suspension list. Lists hold 131,072 entries,
 * the specification's minimum for group privacy; a list takes new credentials until half its
 * indexes are used, so a random free index is found in a try or two.
 */
@Service
public class StatusLists {
    public static final int SIZE = 131_072;
    private static final int FILL_LIMIT = SIZE / 2;
    private static final int MAX_ATTEMPTS = 32;
    static final int COUNT_EVERY = 64;
    static final java.time.Duration FRESHNESS = java.time.Duration.ofSeconds(1);
    private final MongoOperations mongo;
    private final TrustProperties properties;

    /** One list's bits as of a stored version; lists are few (two per issuer per 65,536 credentials). */
    private record Snapshot(long version, byte[] bits, long checkedAt) {}

    private final Map<String, Snapshot> snapshots = new java.util.concurrent.ConcurrentHashMap<>();

    /** Revocation entry key to suspension entry key; never changes once set, so kept (bounded). */
    private final Map<String, String> suspensionEntries = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(100_000)
            .<String, String>build()
            .asMap();

    /**
     * Each issuer's current list per purpose, re-read at most every {@link #POINTER_FRESHNESS}:
     * issuing otherwise spends two reads per purpose finding the same list. A list another instance
     * has just replaced still has half its indexes free, so using it a few seconds longer is safe.
     */
    private record CurrentList(StatusList list, long readAt) {}

    static final java.time.Duration POINTER_FRESHNESS = java.time.Duration.ofSeconds(5);
    private final Map<String, CurrentList> currentLists = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> uncounted = new java.util.concurrent.ConcurrentHashMap<>();

    StatusLists(MongoOperations mongo, TrustProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * Reserves a revocation and a suspension index for a new credential of the organization; the
     * revocation entry records where the suspension bit lives.
     */
    public StatusAllocation allocate(String organizationId) {
        String suspension = allocate(organizationId, StatusPurpose.SUSPENSION, null);
        return new StatusAllocation(allocate(organizationId, StatusPurpose.REVOCATION, suspension), suspension);
    }

    /**
     * The {@code credentialStatus} of a credential: its revocation entry only, since Open Badges 3.0
     * allows one. Every verifier reads revocation from it; this service's verifier also finds the
     * suspension bit through it (see {@link #suspensionOf}).
     */
    public Map<String, Object> credentialStatus(StatusAllocation allocation) {
        String key = allocation.entry(StatusPurpose.REVOCATION);
        int colon = key.lastIndexOf(':');
        String listUrl = properties.statusListUrl(key.substring(0, colon));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", listUrl + "#" + key.substring(colon + 1));
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", StatusPurpose.REVOCATION.value());
        entry.put("statusListIndex", key.substring(colon + 1));
        entry.put("statusListCredential", listUrl);
        return entry;
    }

    /**
     * Records where the suspension bit of a credential issued with two status entries lives, so that
     * a form of it carrying only the revocation entry is still checked for suspension. Idempotent.
     */
    public void link(StatusAllocation allocation) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(allocation.revocationEntry())),
                Update.update("suspensionEntry", allocation.suspensionEntry()),
                StatusListEntry.class);
        suspensionEntries.remove(allocation.revocationEntry());
    }

    /**
     * Whether the credential whose revocation entry is at {@code index} of a list kept here is
     * suspended; empty when the list is not ours or the entry names no suspension entry.
     */
    public Optional<Boolean> suspensionOf(String revocationListId, int index) {
        String key = StatusListEntry.key(revocationListId, index);
        String suspension = suspensionEntries.get(key);
        if (suspension == null) {
            StatusListEntry entry = mongo.findById(key, StatusListEntry.class);
            if (entry == null || entry.suspensionEntry() == null) {
                return Optional.empty();
            }
            suspension = entry.suspensionEntry();
            suspensionEntries.put(key, suspension);
        }
        int colon = suspension.lastIndexOf(':');
        return isSet(suspension.substring(0, colon), Integer.parseInt(suspension.substring(colon + 1)));
    }

    /**
     * Sets or clears one purpose's bit of a credential. Idempotent, so a status change can simply be
     * applied again when an earlier attempt was interrupted.
     */
    public void set(StatusAllocation allocation, StatusPurpose purpose, boolean value) {
        String key = allocation.entry(purpose);
        String listId = key.substring(0, key.lastIndexOf(':'));
        // Filtered by _id alone: the embedded store uses its _id index only for exactly that filter.
        var result = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(key)), Update.update("set", value), StatusListEntry.class);
        if (result.getModifiedCount() > 0) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(listId)), new Update().inc("version", 1), StatusList.class);
        }
        snapshots.remove(listId);
    }

    /**
     * Whether the bit at {@code index} of a list kept here is set; empty when the list is not ours.
     * Read from this instance's copy of the list, which a change made here replaces at once and which
     * is compared with the stored list's version at most every {@link #FRESHNESS}: a change made on
     * another instance shows within a second, and a verification costs no store read otherwise.
     */
    public Optional<Boolean> isSet(String listId, int index) {
        Snapshot snapshot = snapshot(listId);
        return snapshot == null ? Optional.empty() : Optional.of(Bitstring.isSet(snapshot.bits(), index));
    }

    private Snapshot snapshot(String listId) {
        long now = System.nanoTime();
        Snapshot current = snapshots.get(listId);
        if (current != null && now - current.checkedAt() < FRESHNESS.toNanos()) {
            return current;
        }
        StatusList list = mongo.findById(listId, StatusList.class);
        if (list == null) {
            snapshots.remove(listId);
            return null;
        }
        // The version is read before the bits, so a copy is never newer-labelled than its content.
        Snapshot fresh = current != null && current.version() == list.version()
                ? new Snapshot(current.version(), current.bits(), now)
                : new Snapshot(list.version(), bits(listId), now);
        snapshots.put(listId, fresh);
        return fresh;
    }

    Optional<StatusList> find(String listId) {
        return Optional.ofNullable(mongo.findById(listId, StatusList.class));
    }

    /** The list's bits as the specification orders them. */
    byte[] bits(String listId) {
        byte[] bits = Bitstring.empty(SIZE);
        mongo.find(Query.query(Criteria.where("listId").is(listId).and("set").is(true)), StatusListEntry.class)
                .forEach(e -> Bitstring.set(bits, e.index()));
        return bits;
    }

    /** Local list id of a status list URL of this service, or null. */
    public String localListId(String statusListCredentialUrl) {
        String prefix = properties.statusListUrl("");
        if (statusListCredentialUrl == null || !statusListCredentialUrl.startsWith(prefix)) {
            return null;
        }
        String id = statusListCredentialUrl.substring(prefix.length());
        return id.matches("[0-9a-f]{24}") ? id : null;
    }

    private String allocate(String organizationId, StatusPurpose purpose, String suspensionEntry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StatusList list = currentList(organizationId, purpose);
            int index = StrongRandom.current().nextInt(list.size());
            try {
                mongo.insert(new StatusListEntry(
                        StatusListEntry.key(list.id(), index), list.id(), index, false, suspensionEntry));
            } catch (DuplicateKeyException taken) {
                continue;
            }
            countAllocation(organizationId, purpose, list.id());
            return StatusListEntry.key(list.id(), index);
        }
        throw new IllegalStateException("No free status list index after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Adds allocations to the list's stored count {@value #COUNT_EVERY} at a time: the count only
     * decides when a list has taken enough (half its indexes) to start the next, so a few uncounted
     * after a crash make a list fill a little further, which random indexes absorb; counting each one
     * cost every issuance a write.
     */
    private void countAllocation(String organizationId, StatusPurpose purpose, String listId) {
        AtomicInteger pending = uncounted.computeIfAbsent(listId, k -> new AtomicInteger());
        if (pending.incrementAndGet() < COUNT_EVERY) {
            return;
        }
        int taken = pending.getAndSet(0);
        if (taken == 0) {
            return;
        }
        StatusList counted = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(listId)),
                new Update().inc("allocated", taken),
                FindAndModifyOptions.options().returnNew(true),
                StatusList.class);
        if (counted != null && counted.allocated() >= FILL_LIMIT) {
            currentLists.remove(pointerKey(organizationId, purpose));
            uncounted.remove(listId);
            startNewList(organizationId, purpose, listId);
        }
    }

    private StatusList currentList(String organizationId, StatusPurpose purpose) {
        String key = pointerKey(organizationId, purpose);
        long now = System.nanoTime();
        CurrentList cached = currentLists.get(key);
        if (cached != null && now - cached.readAt() < POINTER_FRESHNESS.toNanos()) {
            return cached.list();
        }
        CurrentStatusList current = mongo.findById(key, CurrentStatusList.class);
        StatusList list = current == null
                ? startNewList(organizationId, purpose, null)
                : mongo.findById(current.listId(), StatusList.class);
        currentLists.put(key, new CurrentList(list, now));
        return list;
    }

    /**
     * Creates a list and points new credentials at it, unless another caller already replaced
     * {@code full}; either way returns the list now current.
     */
    private StatusList startNewList(String organizationId, StatusPurpose purpose, String full) {
        byte[] random = new byte[12];
        StrongRandom.current().nextBytes(random);
        StatusList fresh = mongo.insert(
                new StatusList(HexFormat.of().formatHex(random), organizationId, purpose, SIZE, 0, 0, Instant.now()));
        String key = pointerKey(organizationId, purpose);
        if (full == null) {
            try {
                mongo.insert(new CurrentStatusList(key, fresh.id()));
                return fresh;
            } catch (DuplicateKeyException lostRace) {
                mongo.remove(fresh);
            }
        } else if (mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(key)
                                        .and("listId")
                                        .is(full)),
                                Update.update("listId", fresh.id()),
                                CurrentStatusList.class)
                        .getModifiedCount()
                > 0) {
            return fresh;
        } else {
            mongo.remove(fresh);
        }
        return mongo.findById(mongo.findById(key, CurrentStatusList.class).listId(), StatusList.class);
    }

    private static String pointerKey(String organizationId, StatusPurpose purpose) {
        return organizationId + ":" + purpose.value();
    }
}
