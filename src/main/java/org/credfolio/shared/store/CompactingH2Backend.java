package org.credfolio.shared.store;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend with its file kept small while it runs: commands pass a {@link CommandGate}, and
 * write commands let {@link OnlineCompaction} reclaim space between commands.
 *
 * <p>Open the store with {@code autoCompactFillRate(0)}: H2's own background compaction does not
 * pass the gate.
 *
 * <p>Used as it is with {@code credfolio.store.durable-writes=false}: H2 then commits in the
 * background about once a second, into far fewer and fuller chunks, and keeps its 45 s retention
 * time (without an fsync per commit the newest chunks may not be on disk yet), so a step only
 * rewrites chunks older than that. {@link DurableH2Backend} adds the commit and fsync per write.
 */
class CompactingH2Backend extends H2Backend {
    private final MVStore store;
    private final CommandGate gate;
    private final OnlineCompaction compaction;

    CompactingH2Backend(MVStore store) {
        this(store, OnlineCompaction.DEFAULT);
    }

    CompactingH2Backend(MVStore store, OnlineCompaction.Policy policy) {
        super(store);
        this.store = store;
        // A compaction step moves pages of open maps only; the pages of a map that no collection
        // opened (a leftover index, say) would keep their chunks alive for ever.
        store.getMapNames().forEach(store::openMap);
        this.gate = new CommandGate(store);
        this.compaction = new OnlineCompaction(store, policy, gate, this::commitCompactionStep);
    }

    /**
     * Every command of the MongoDB driver arrives here (OP_MSG, the driver's only wire format for
     * commands since MongoDB 3.6; the legacy OP_QUERY path carries only its connection handshake,
     * which reads no data). {@code handleCommand} itself cannot be overridden here: its signature
     * names a Netty type that is not on the compile class path.
     */
    @Override
    public final Document handleMessage(MongoMessage message) {
        Document query = message.getDocument();
        boolean mayWrite = WriteCommands.mayWrite(query.keySet().iterator().next(), query);
        Document response = gate.command(() -> execute(message, mayWrite));
        if (mayWrite) {
            compaction.afterWrite();
        }
        return response;
    }

    /** A legacy OP_QUERY find (no current driver sends one) reads through the gate as well. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return gate.command(() -> super.handleQuery(query));
    }

    /** Runs one command inside the gate. */
    Document execute(MongoMessage message, boolean mayWrite) {
        return super.handleMessage(message);
    }

    /**
     * Writes a compaction step's chunk and syncs the file, so the moved pages are on disk before H2
     * frees (and reuses) the chunks they came from.
     */
    void commitCompactionStep() {
        store.commit();
        store.getFileStore().sync();
    }

    @Override
    public void close() {
        compaction.close();
        super.close();
    }

    OnlineCompaction.Stats compactionStats() {
        return compaction.stats();
    }
}
